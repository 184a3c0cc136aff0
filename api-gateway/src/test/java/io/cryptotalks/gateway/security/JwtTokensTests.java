package io.cryptotalks.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Tokens as issued here and as Spring Security's decoder verifies them: type, expiry, signature and a live session. */
class JwtTokensTests {

    private static final String SECRET = "unit-test-secret-0123456789abcdef0123456789";
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final JwtTokens tokens = tokensAt(now);
    private final UUID liveSession = UUID.randomUUID();

    @Test
    void anAccessTokenCarriesTheUserAndTheSession() {
        UUID userId = UUID.randomUUID();

        var jwt = decoderAt(now).decode(tokens.access(userId, "a@example.com", liveSession));

        assertThat(AccessTokenDecoding.uuid(jwt, "userId")).isEqualTo(userId);
        assertThat(AccessTokenDecoding.uuid(jwt, "sid")).isEqualTo(liveSession);
    }

    @Test
    void aTokenOfOneKindIsNeverAcceptedAsTheOther() {
        String refresh = tokens.refresh(liveSession, UUID.randomUUID());
        String access = tokens.access(UUID.randomUUID(), "a@example.com", liveSession);

        assertProblem(() -> decoderAt(now).decode(refresh), TokenProblem.INVALID);
        assertCode(() -> tokens.verifyRefresh(access), ApiError.INVALID_TOKEN);
    }

    @Test
    void anExpiredTokenSaysSo() {
        String access = tokens.access(UUID.randomUUID(), "a@example.com", liveSession);

        assertProblem(() -> decoderAt(now.plus(Duration.ofMinutes(16))).decode(access), TokenProblem.EXPIRED);
        assertThat(decoderAt(now.plus(Duration.ofMinutes(14))).decode(access)).isNotNull();
        assertCode(
                () -> tokensAt(now.plus(Duration.ofDays(8)))
                        .verifyRefresh(tokens.refresh(liveSession, UUID.randomUUID())),
                ApiError.TOKEN_EXPIRED);
    }

    @Test
    void aTokenOfAnEndedSessionIsRefused() {
        String access = tokens.access(UUID.randomUUID(), "a@example.com", UUID.randomUUID());

        assertProblem(() -> decoderAt(now).decode(access), TokenProblem.SESSION_ENDED);
    }

    @Test
    void aTokenSignedWithAnotherSecretOrTamperedWithIsInvalid() throws Exception {
        String foreign = new JwtTokens(
                        new SessionProperties("another-secret-0123456789abcdef012345678", null, null, null),
                        Clock.fixed(now, ZoneOffset.UTC))
                .access(UUID.randomUUID(), "a@example.com", liveSession);
        String valid = tokens.access(UUID.randomUUID(), "a@example.com", liveSession);
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");

        assertThatThrownBy(() -> decoderAt(now).decode(foreign)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoderAt(now).decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoderAt(now).decode("not-a-jwt")).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoderAt(now).decode("eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiYWNjZXNzIn0."))
                .isInstanceOf(JwtException.class);
        assertCode(() -> tokens.verifyRefresh("not-a-jwt"), ApiError.INVALID_TOKEN);
    }

    private JwtDecoder decoderAt(Instant instant) {
        Sessions onlyLive = new Sessions(null) {
            @Override
            boolean isActive(UUID sessionId) {
                return Set.of(liveSession).contains(sessionId);
            }
        };
        return new AccessTokenDecoding()
                .accessTokenDecoder(
                        new SessionProperties(SECRET, null, null, null),
                        onlyLive,
                        Clock.fixed(instant, ZoneOffset.UTC));
    }

    private JwtTokens tokensAt(Instant instant) {
        try {
            return new JwtTokens(new SessionProperties(SECRET, null, null, null), Clock.fixed(instant, ZoneOffset.UTC));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, TokenProblem expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        e -> assertThat(TokenProblem.fromCode(
                                        e.getErrors().iterator().next().getErrorCode()))
                                .isEqualTo(expected));
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ApiError expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }
}
