package io.cryptotalks.devstack;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared embedded infrastructure:
 * {@code @ContextConfiguration(initializers = DevStackInitializer.class)}.
 */
public final class DevStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("devstack", DevStack.shared().springProperties()));
    }
}
