package io.cryptotalks.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link AuthenticatedUser} parameter of a handler: the user of the verified access token
 * ({@code x-access-token: Bearer <jwt>}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {

    /** false on public endpoints: an anonymous caller (or a missing, expired or garbled token) resolves to null. */
    boolean required() default true;
}
