package io.cryptotalks.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cryptotalks.gateway.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * HS256 tokens in the original's shape: access {@code {userId, email, type:"access"}}, refresh {@code {id,
 * type:"refresh"}}, both with {@code sid}, the session they belong to. The {@code type} claim is always checked.
 */
@Component
public class JwtTokens {

    static final String ACCESS = "access";
    private static final String REFRESH = "refresh";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final SessionProperties properties;
    private final Clock clock;

    JwtTokens(SessionProperties properties, Clock clock) throws JOSEException {
        byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.signer = new MACSigner(secret);
        this.verifier = new MACVerifier(secret);
        this.properties = properties;
        this.clock = clock;
    }

    public String access(UUID userId, String email, UUID sessionId) {
        Instant now = clock.instant();
        return sign(new JWTClaimsSet.Builder()
                .claim("userId", userId.toString())
                .claim("email", email)
                .claim("type", ACCESS)
                .claim("sid", sessionId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenLifetime())))
                .build());
    }

    public String refresh(UUID sessionId, UUID tokenId) {
        Instant now = clock.instant();
        return sign(new JWTClaimsSet.Builder()
                .claim("id", tokenId.toString())
                .claim("type", REFRESH)
                .claim("sid", sessionId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.refreshTokenLifetime())))
                .build());
    }

    /** Verifies signature, type and expiry of a refresh token; access tokens are verified by Spring Security. */
    public RefreshClaims verifyRefresh(String token) {
        JWTClaimsSet claims = verify(token, REFRESH);
        return new RefreshClaims(uuid(claims, "sid"), uuid(claims, "id"));
    }

    private JWTClaimsSet verify(String token, String expectedType) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw ApiError.INVALID_TOKEN.exception();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!expectedType.equals(claims.getStringClaim("type"))) {
                throw ApiError.INVALID_TOKEN.exception();
            }
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                throw ApiError.TOKEN_EXPIRED.exception();
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw ApiError.INVALID_TOKEN.exception();
        }
    }

    private static UUID uuid(JWTClaimsSet claims, String name) {
        try {
            return UUID.fromString(claims.getStringClaim(name));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw ApiError.INVALID_TOKEN.exception();
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    public record RefreshClaims(UUID sessionId, UUID tokenId) {}
}
