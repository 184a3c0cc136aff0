package io.cryptotalks.common.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns on span export only when {@code OTLP_TRACING_ENDPOINT} names an endpoint. Spring Boot creates its OTLP
 * exporter whenever its endpoint property exists, even empty, and compose passes the variable empty when it is unset:
 * so the property is set here, from a non-blank value only, and spans stay in the process otherwise.
 */
public class OtlpEndpointEnvironment implements EnvironmentPostProcessor {

    static final String VARIABLE = "OTLP_TRACING_ENDPOINT";
    static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(VARIABLE);
        if (StringUtils.hasText(endpoint) && !environment.containsProperty(PROPERTY)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(VARIABLE, Map.of(PROPERTY, endpoint.strip())));
        }
    }
}
