package io.cryptotalks.gateway.secondfactor;

import io.cryptotalks.common.settings.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.security.encryption-key} ({@code ENCRYPTION_KEY}): encrypts TOTP secrets at rest. Checked at
 * start-up like {@code JWT_SECRET}: at least 32 bytes, never the example file's placeholder outside development.
 */
@Validated
@ConfigurationProperties("cryptotalks.security")
public record EncryptionProperties(
        @Secret(variable = "ENCRYPTION_KEY") String encryptionKey) {}
