package io.cryptotalks.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The {@code _rt} cookie: HttpOnly, SameSite=Strict, a 7-day Max-Age (not the original's 19 years), Secure when the
 * request came over https. Path=/ as in the original, so existing clients find it.
 */
@Component
public class RefreshCookie {

    public static final String NAME = "_rt";

    private final SessionProperties properties;

    RefreshCookie(SessionProperties properties) {
        this.properties = properties;
    }

    public String issue(String refreshToken, HttpServletRequest request) {
        return base(refreshToken, request)
                .maxAge(properties.refreshTokenLifetime())
                .build()
                .toString();
    }

    public String clear(HttpServletRequest request) {
        return base("", request).maxAge(0).build().toString();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, HttpServletRequest request) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/");
    }
}
