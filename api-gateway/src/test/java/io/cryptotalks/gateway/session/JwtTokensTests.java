package io.cryptotalks.gateway.session;

import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtTokensTests {

    private static final String SECRET = "unit-test-secret-0123456789abcdef0123456789";
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final JwtTokens tokens = tokensAt(now);

    @Test
    void anAccessTokenCarriesTheUserAndTheSession() {
        UUID userId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();

        JwtTokens.AccessClaims claims = tokens.verifyAccess(tokens.access(userId, "a@example.com", sessionId));

        assertThat(claims.userId()).isEqualTo(userId);
        assertThat(claims.sessionId()).isEqualTo(sessionId);
    }

    @Test
    void aTokenOfOneKindIsNeverAcceptedAsTheOther() {
        String refresh = tokens.refresh(UUID.randomUUID(), UUID.randomUUID());
        String access = tokens.access(UUID.randomUUID(), "a@example.com", UUID.randomUUID());

        assertCode(() -> tokens.verifyAccess(refresh), ApiError.INVALID_TOKEN);
        assertCode(() -> tokens.verifyRefresh(access), ApiError.INVALID_TOKEN);
    }

    @Test
    void anExpiredTokenSaysSo() {
        String access = tokens.access(UUID.randomUUID(), "a@example.com", UUID.randomUUID());

        assertCode(() -> tokensAt(now.plus(Duration.ofMinutes(16))).verifyAccess(access), ApiError.TOKEN_EXPIRED);
        assertThat(tokensAt(now.plus(Duration.ofMinutes(14))).verifyAccess(access)).isNotNull();
    }

    @Test
    void aTokenSignedWithAnotherSecretOrTamperedWithIsInvalid() throws Exception {
        JwtTokens other = new JwtTokens(new SessionProperties("another-secret-0123456789abcdef0123456789", null, null),
                Clock.fixed(now, ZoneOffset.UTC));
        String foreign = other.access(UUID.randomUUID(), "a@example.com", UUID.randomUUID());
        String genuine = tokens.access(UUID.randomUUID(), "a@example.com", UUID.randomUUID());
        String tampered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("A") ? "BB" : "AA");

        assertCode(() -> tokens.verifyAccess(foreign), ApiError.INVALID_TOKEN);
        assertCode(() -> tokens.verifyAccess(tampered), ApiError.INVALID_TOKEN);
        assertCode(() -> tokens.verifyAccess("not-a-jwt"), ApiError.INVALID_TOKEN);
        assertCode(() -> tokens.verifyAccess("eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiYWNjZXNzIn0."), ApiError.INVALID_TOKEN);
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new SessionProperties("too-short", null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JWT_SECRET");
    }

    private JwtTokens tokensAt(Instant instant) {
        try {
            return new JwtTokens(new SessionProperties(SECRET, null, null), Clock.fixed(instant, ZoneOffset.UTC));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ApiError expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }
}
