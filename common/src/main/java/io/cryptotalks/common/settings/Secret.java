package io.cryptotalks.common.settings;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret setting (a key, not a password someone types): present, at least {@link #minBytes()} bytes, and not the
 * placeholder of {@code .env.development.example} ({@code change-me-…}) unless the service runs in development
 * ({@code DEV_MODE=true} or the {@code dev} profile). The violation names the environment {@link #variable()}.
 */
@Documented
@Constraint(validatedBy = SecretValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Secret {

    /** The environment variable that sets it, e.g. {@code JWT_SECRET}: every message starts with it. */
    String variable();

    int minBytes() default 32;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
