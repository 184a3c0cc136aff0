package io.cryptotalks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.settings.SettingsFailureAnalyzer;
import io.cryptotalks.gateway.secondfactor.EncryptionProperties;
import io.cryptotalks.gateway.security.CorsProperties;
import io.cryptotalks.gateway.security.SessionProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway refuses to start, with one line naming the variable, when a secret is missing, short, or the placeholder
 * of .env.development.example outside development, and when CORS origins or lifetimes are malformed. Read through
 * api-gateway.yml, so the variable names are the real ones.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

    private static final String JWT = "jwt-secret-for-tests-0123456789abcdef0123";
    private static final String KEY = "encryption-key-for-tests-0123456789abcdef";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SessionProperties.class, EncryptionProperties.class, CorsProperties.class})
    static class GatewaySettings {}

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(GatewaySettings.class)
            .withPropertyValues("spring.config.name=api-gateway", "JWT_SECRET=" + JWT, "ENCRYPTION_KEY=" + KEY);

    private String refusal(String... environment) {
        String[] description = new String[1];
        gateway.withPropertyValues(environment).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SettingsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            description[0] = analysis.getDescription();
        });
        assertThat(description[0]).doesNotContain("\n");
        return description[0];
    }

    /** A variable's value in .env.development.example, the file users copy. */
    private static String example(String variable) throws IOException {
        Path file = Path.of("..", ".env.development.example");
        List<String> lines = Files.readAllLines(file);
        return lines.stream()
                .filter(line -> line.startsWith(variable + "="))
                .findFirst()
                .map(line -> line.substring(variable.length() + 1))
                .orElseThrow();
    }

    @Test
    void realSecretsStartAndTheSettingsAreBound() {
        gateway.withPropertyValues(
                        "CORS_ALLOWED_ORIGINS=https://app.example.com, http://localhost:5173",
                        "JWT_ACCESS_EXPIRES_IN=5m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SessionProperties.class).accessTokenLifetime())
                            .isEqualTo(Duration.ofMinutes(5));
                    assertThat(context.getBean(EncryptionProperties.class).encryptionKey())
                            .isEqualTo(KEY);
                    assertThat(context.getBean(CorsProperties.class).allowedOrigins())
                            .containsExactly("https://app.example.com", "http://localhost:5173");
                });
        gateway.run(context -> assertThat(context.getBean(CorsProperties.class).allowedOrigins())
                .isEmpty());
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThat(refusal("JWT_SECRET="))
                .isEqualTo("JWT_SECRET is missing: set at least 32 random bytes (./cryptotalks up generates one)");
        assertThat(refusal("ENCRYPTION_KEY="))
                .isEqualTo("ENCRYPTION_KEY is missing: set at least 32 random bytes (./cryptotalks up generates one)");
        assertThat(refusal("JWT_SECRET=0123456789abcdef0123456789abcde"))
                .isEqualTo(
                        "JWT_SECRET is too short (31 bytes): set at least 32 random bytes (./cryptotalks up generates one)");
    }

    @Test
    void theExampleFilesPlaceholdersAreRefusedOutsideDevelopment() throws IOException {
        assertThat(refusal("JWT_SECRET=" + example("JWT_SECRET")))
                .startsWith("JWT_SECRET is the placeholder from .env.development.example");
        assertThat(refusal("ENCRYPTION_KEY=" + example("ENCRYPTION_KEY")))
                .startsWith("ENCRYPTION_KEY is the placeholder from .env.development.example");
        gateway.withPropertyValues(
                        "JWT_SECRET=" + example("JWT_SECRET"),
                        "ENCRYPTION_KEY=" + example("ENCRYPTION_KEY"),
                        "DEV_MODE=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void malformedOriginsAndLifetimesAreRefused() {
        assertThat(refusal("CORS_ALLOWED_ORIGINS=*")).startsWith("CORS_ALLOWED_ORIGINS is malformed");
        assertThat(refusal("CORS_ALLOWED_ORIGINS=https://app.example.com/path"))
                .startsWith("CORS_ALLOWED_ORIGINS is malformed");
        assertThat(refusal("JWT_ACCESS_EXPIRES_IN=1s")).startsWith("JWT_ACCESS_EXPIRES_IN is out of range");
        assertThat(refusal("JWT_REFRESH_EXPIRES_IN=1000d")).startsWith("JWT_REFRESH_EXPIRES_IN is out of range");
    }

    @Test
    void theGatewayStopsWithOneLine(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(GatewaySettings.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=api-gateway", "spring.main.banner-mode=off", "ENCRYPTION_KEY=" + KEY);

        assertThatThrownBy(() -> application.run("--JWT_SECRET=")).isNotNull();

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .containsPattern(
                        "Description:\\s+JWT_SECRET is missing: set at least 32 random bytes \\(\\./cryptotalks up generates one\\)\\s*\\n\\s*\\nAction:");
    }
}
