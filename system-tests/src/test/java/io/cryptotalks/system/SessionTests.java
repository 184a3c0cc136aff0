package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions with the demo account JohnDoe: access-token checks, refresh without an access token, sign-out. */
class SessionTests {

    private final Api api = new Api(RunningSystem.shared().gatewayUrl());

    @Test
    void theDemoAccountSignsInAndRefreshesWithAnExpiredAccessToken() throws Exception {
        Api.Reply signedIn = signInJohn();
        String expired = sign(new JWTClaimsSet.Builder()
                .claim("userId", "8a08eaf1-c7a8-403b-b1ce-1fef8e34d000")
                .claim("type", "access")
                .claim("sid", UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build());

        Api.Reply withExpired = api.get("/api/user/logout", "x-access-token", "Bearer " + expired);
        assertThat(withExpired.status()).isEqualTo(401);
        assertThat(withExpired.text("message")).isEqualTo("token-expired");

        Api.Reply refreshed = api.get(
                "/api/auth/refresh",
                "Cookie",
                "_rt=" + signedIn.refreshCookie(),
                "x-access-token",
                "Bearer " + expired);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("user").get("username").asString()).isEqualTo("JohnDoe");
    }

    @Test
    void signOutRevokesTheAccessAndRefreshTokensAtOnce() {
        Api.Reply signedIn = signInJohn();
        String accessToken = "Bearer " + signedIn.text("_at");

        Api.Reply signedOut = api.get("/api/user/logout", "x-access-token", accessToken);
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(signedOut.text("message")).isEqualTo("success");
        assertThat(signedOut.cookies().get(0)).startsWith("_rt=;").contains("Max-Age=0");

        Api.Reply again = api.get("/api/user/logout", "x-access-token", accessToken);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.text("message")).isEqualTo("session-has-expired");
        assertThat(api.get("/api/auth/refresh", "Cookie", "_rt=" + signedIn.refreshCookie())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokensOfTheWrongKindOrShapeAreRefused() throws Exception {
        Api.Reply signedIn = signInJohn();

        assertError(api.get("/api/user/logout"), 401, "invalid-token");
        assertError(api.get("/api/user/logout", "x-access-token", "Bearer"), 401, "corrupted-token");
        assertError(api.get("/api/user/logout", "x-access-token", "Basic abc"), 401, "corrupted-token");
        assertError(api.get("/api/user/logout", "x-access-token", "Bearer null"), 401, "invalid-token");
        assertError(
                api.get("/api/user/logout", "x-access-token", "Bearer " + signedIn.refreshCookie()),
                401,
                "invalid-token");
        assertError(api.get("/api/auth/refresh", "Cookie", "_rt=" + signedIn.text("_at")), 401, "invalid-token");
        assertError(api.get("/api/auth/refresh"), 401, "invalid-token");
        String genuine = signedIn.text("_at");
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLW9mLXNvbWVvbmUtZWxzZQ";
        assertError(api.get("/api/user/logout", "x-access-token", "Bearer " + forged), 401, "invalid-token");
        String otherSecret = sign(
                new JWTClaimsSet.Builder()
                        .claim("userId", UUID.randomUUID().toString())
                        .claim("type", "access")
                        .claim("sid", UUID.randomUUID().toString())
                        .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                        .build(),
                "another-secret-of-at-least-32-bytes!!");
        assertError(api.get("/api/user/logout", "x-access-token", "Bearer " + otherSecret), 401, "invalid-token");
    }

    @Test
    void tabsRefreshingAtOnceWithTheSameCookieAllStaySignedIn() throws Exception {
        String cookie = "_rt=" + signInJohn().refreshCookie();
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Api.Reply>> refreshes = new java.util.ArrayList<>();
            for (int tab = 0; tab < 4; tab++) {
                refreshes.add(tabs.submit(() -> api.get("/api/auth/refresh", "Cookie", cookie)));
            }
            java.util.Set<String> successors = new java.util.HashSet<>();
            for (var refresh : refreshes) {
                Api.Reply reply = refresh.get();
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                successors.add(tokenId(reply.refreshCookie()));
            }
            assertThat(successors).as("every tab got the same successor").hasSize(1);
        } finally {
            tabs.shutdown();
        }
    }

    private static String tokenId(String refreshToken) throws Exception {
        return SignedJWT.parse(refreshToken).getJWTClaimsSet().getStringClaim("id");
    }

    private Api.Reply signInJohn() {
        Api.Reply signedIn =
                api.post("/api/user/sign-in", Map.of("email", "John.Doe@gmail.com", "password", "12qw!@QW"));
        assertThat(signedIn.status()).isEqualTo(201);
        return signedIn;
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, RunningSystem.JWT_SECRET);
    }

    private static String sign(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
