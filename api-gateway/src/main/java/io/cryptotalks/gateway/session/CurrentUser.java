package io.cryptotalks.gateway.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link AuthenticatedUser} parameter of a handler: resolved from {@code x-access-token: Bearer <jwt>};
 * a missing, malformed, expired or revoked token ends the request with 401.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUser {
}
