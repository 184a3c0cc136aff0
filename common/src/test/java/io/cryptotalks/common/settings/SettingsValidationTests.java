package io.cryptotalks.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.common.storage.StorageProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/** A missing, malformed or placeholder setting stops a service with one line naming the variable. */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

    private static final String PLACEHOLDER = "change-me-to-at-least-32-random-bytes-of-text";
    private static final String GOOD = "0123456789abcdef0123456789abcdef-random";

    @Validated
    @ConfigurationProperties("test")
    record Keys(@Secret(variable = "JWT_SECRET") String jwtSecret) {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({Keys.class, DatabaseSettings.class, KafkaSettings.class, StorageProperties.class})
    static class Settings {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Keys.class)
    static class KeysOnly {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "test.jwt-secret=" + GOOD,
                    "spring.datasource.url=jdbc:postgresql://db:5432/cryptotalks",
                    "spring.kafka.bootstrap-servers=kafka:9092,PLAINTEXT://[::1]:19092",
                    "cryptotalks.s3.access-key=a",
                    "cryptotalks.s3.secret-key=b",
                    "cryptotalks.s3.endpoint=");

    private String refusal(String... properties) {
        String[] description = new String[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SettingsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysed by SettingsFailureAnalyzer").isNotNull();
            description[0] = analysis.getDescription();
        });
        assertThat(description[0]).doesNotContain("\n");
        return description[0];
    }

    @Test
    void goodSettingsStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMissingShortOrPlaceholderSecretIsRefusedWithOneLine() {
        assertThat(refusal("test.jwt-secret="))
                .isEqualTo("JWT_SECRET is missing: set at least 32 random bytes (./cryptotalks up generates one)");
        assertThat(refusal("test.jwt-secret=too-short"))
                .isEqualTo(
                        "JWT_SECRET is too short (9 bytes): set at least 32 random bytes (./cryptotalks up generates one)");
        assertThat(refusal("test.jwt-secret=" + PLACEHOLDER))
                .startsWith("JWT_SECRET is the placeholder from .env.development.example")
                .contains("DEV_MODE=true");
    }

    @Test
    void thePlaceholderIsAcceptedOnlyInDevelopment() {
        runner.withPropertyValues("test.jwt-secret=" + PLACEHOLDER, "cryptotalks.dev-mode=true")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("test.jwt-secret=" + PLACEHOLDER, "spring.profiles.active=dev")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("test.jwt-secret=" + PLACEHOLDER, "cryptotalks.dev-mode=false")
                .run(context -> assertThat(context).hasFailed());
        // development never excuses a short secret
        assertThat(refusal("test.jwt-secret=short", "cryptotalks.dev-mode=true"))
                .startsWith("JWT_SECRET is too short");
    }

    @Test
    void malformedConnectionSettingsAreRefusedWithTheVariableNamed() {
        assertThat(refusal("spring.datasource.url=postgres://db/cryptotalks"))
                .startsWith("POSTGRES_URL is missing or malformed");
        assertThat(refusal("spring.kafka.bootstrap-servers=kafka")).startsWith("KAFKA_BOOTSTRAP_SERVERS is malformed");
        assertThat(refusal("cryptotalks.s3.endpoint=minio:9000")).startsWith("S3_ENDPOINT is malformed");
        assertThat(refusal("cryptotalks.s3.secret-key=")).startsWith("S3_SECRET_KEY is missing");
        assertThat(refusal("cryptotalks.s3.photo-bucket=Photos_Bucket")).startsWith("AWS_S3_NAME is malformed");
        assertThat(refusal("cryptotalks.s3.endpoint=minio:9000", "cryptotalks.s3.secret-key="))
                .contains("S3_ENDPOINT is malformed")
                .contains("S3_SECRET_KEY is missing")
                .contains("; ");
    }

    @Test
    void aServiceThatRefusesItsSettingsSaysSoInOneLine(CapturedOutput output) {
        SpringApplicationBuilder service = new SpringApplicationBuilder(KeysOnly.class)
                .web(WebApplicationType.NONE)
                .properties("test.jwt-secret=" + PLACEHOLDER, "spring.main.banner-mode=off");

        assertThatThrownBy(() -> service.run())
                .hasRootCauseInstanceOf(
                        org.springframework.boot.context.properties.bind.validation.BindValidationException.class);

        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .containsPattern(
                        "Description:\\s+JWT_SECRET is the placeholder from .env.development.example[^\\n]*\\n")
                .doesNotContain("Binding to target");
    }
}
