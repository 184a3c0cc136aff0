package io.cryptotalks.gateway.session;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The auth-service's {@code sessions} table, which the gateway writes synchronously (see auth-service/README.md):
 * a session is a refresh-token family; {@code token_id} is the one refresh token of it that is valid now.
 */
@Repository
class Sessions {

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID sessionId, UUID userId, UUID tokenId, Instant expiresAt) {
        jdbc.sql("""
                        insert into sessions (id, token_id, user_id, expires_at)
                        values (:id, :tokenId, :userId, :expiresAt)
                        """)
                .param("id", sessionId)
                .param("tokenId", tokenId)
                .param("userId", userId)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    Optional<Session> find(UUID sessionId) {
        return jdbc.sql("select id, token_id, user_id, expires_at, revoked_at from sessions where id = :id")
                .param("id", sessionId)
                .query(Session.class)
                .optional();
    }

    boolean isActive(UUID sessionId) {
        return jdbc.sql("select exists (select 1 from sessions where id = :id and revoked_at is null and expires_at > now())")
                .param("id", sessionId)
                .query(Boolean.class)
                .single();
    }

    /** Compare-and-set, so of two refreshes racing with the same token only one wins. */
    boolean rotate(UUID sessionId, UUID currentTokenId, UUID nextTokenId, Instant expiresAt) {
        return jdbc.sql("""
                        update sessions set token_id = :next, expires_at = :expiresAt, updated_at = now()
                        where id = :id and token_id = :current and revoked_at is null
                        """)
                .param("id", sessionId)
                .param("current", currentTokenId)
                .param("next", nextTokenId)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    void revoke(UUID sessionId) {
        jdbc.sql("update sessions set revoked_at = now(), updated_at = now() where id = :id and revoked_at is null")
                .param("id", sessionId)
                .update();
    }

    record Session(UUID id, UUID tokenId, UUID userId, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {

        boolean usable(Instant now) {
            return revokedAt == null && expiresAt.toInstant().isAfter(now);
        }
    }
}
