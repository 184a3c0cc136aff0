package io.cryptotalks.gateway.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The auth-service's {@code sessions} table, which the gateway writes synchronously (see auth-service/README.md):
 * a session is a refresh-token family; {@code token_id} is the one refresh token of it that is valid now.
 */
@Repository
public class Sessions {

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void create(UUID sessionId, UUID userId, UUID tokenId, Instant expiresAt) {
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

    public Optional<Session> find(UUID sessionId) {
        return jdbc.sql("select id, token_id, user_id, expires_at, revoked_at from sessions where id = :id")
                .param("id", sessionId)
                .query(Session.class)
                .optional();
    }

    boolean isActive(UUID sessionId) {
        return jdbc.sql(
                        "select exists (select 1 from sessions where id = :id and revoked_at is null and expires_at > now())")
                .param("id", sessionId)
                .query(Boolean.class)
                .single();
    }

    /** Which of these sessions have ended (signed out, revoked, expired or gone): one query for a live stream sweep. */
    public Set<UUID> ended(Collection<UUID> sessionIds) {
        Set<UUID> ended = new HashSet<>(sessionIds);
        ended.removeAll(jdbc.sql("""
                        select id from sessions
                        where id = any(cast(:ids as uuid[])) and revoked_at is null and expires_at > now()""")
                .param("ids", sessionIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
        return ended;
    }

    /**
     * Rotates the presented refresh token to {@code nextTokenId} (compare-and-set: of two racing refreshes one wins).
     * The loser, or a tab that refreshed with the same cookie a moment later, gets the successor the winner created,
     * as long as the rotation happened less than {@code grace} ago. Empty: the token is neither current nor the one
     * just replaced — a replay.
     */
    public Optional<UUID> rotate(
            UUID sessionId, UUID presentedTokenId, UUID nextTokenId, Instant expiresAt, Duration grace) {
        int rotated = jdbc.sql("""
                        update sessions set previous_token_id = token_id, token_id = :next, rotated_at = now(),
                                            expires_at = :expiresAt, updated_at = now()
                        where id = :id and token_id = :presented and revoked_at is null
                        """)
                .param("id", sessionId)
                .param("presented", presentedTokenId)
                .param("next", nextTokenId)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
        if (rotated == 1) {
            return Optional.of(nextTokenId);
        }
        return jdbc.sql("""
                        select token_id from sessions
                        where id = :id and previous_token_id = :presented and revoked_at is null
                          and rotated_at > now() - make_interval(secs => :graceSeconds)
                        """)
                .param("id", sessionId)
                .param("presented", presentedTokenId)
                .param("graceSeconds", grace.toMillis() / 1000.0)
                .query(UUID.class)
                .optional();
    }

    public void revoke(UUID sessionId) {
        jdbc.sql("update sessions set revoked_at = now(), updated_at = now() where id = :id and revoked_at is null")
                .param("id", sessionId)
                .update();
    }

    /** Every session of the user but {@code keep} (null: all of them), e.g. after a password change. */
    public void revokeAllOf(UUID userId, UUID keep) {
        jdbc.sql("""
                        update sessions set revoked_at = now(), updated_at = now()
                        where user_id = :userId and revoked_at is null and (cast(:keep as uuid) is null or id <> :keep)
                        """).param("userId", userId).param("keep", keep).update();
    }

    public record Session(UUID id, UUID tokenId, UUID userId, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {

        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.toInstant().isAfter(now);
        }
    }
}
