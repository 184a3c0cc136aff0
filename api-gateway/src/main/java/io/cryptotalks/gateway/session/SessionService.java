package io.cryptotalks.gateway.session;

import io.cryptotalks.common.events.sessions.RefreshTokenReused;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.account.Accounts;
import io.cryptotalks.gateway.account.PersonalInformation;
import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.JwtTokens;
import io.cryptotalks.gateway.security.SessionProperties;
import io.cryptotalks.gateway.security.Sessions;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Issues sessions, rotates refresh tokens with reuse detection, and signs out. */
@Service
class SessionService {

    private final Accounts accounts;
    private final Sessions sessions;
    private final JwtTokens tokens;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final SessionProperties properties;
    private final Clock clock;

    SessionService(
            Accounts accounts,
            Sessions sessions,
            JwtTokens tokens,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            SessionProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedTokens open(UUID userId, String email) {
        UUID sessionId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            sessions.create(sessionId, userId, tokenId, refreshExpiry());
            outbox.append(new UserSignedIn(userId, sessionId));
        });
        return new IssuedTokens(tokens.access(userId, email, sessionId), tokens.refresh(sessionId, tokenId), null);
    }

    /**
     * Rotates the refresh token. A token that was rotated away more than a moment ago means it leaked or was replayed:
     * the whole session is revoked. Within the grace, parallel refreshes (several tabs) all get the same successor.
     */
    IssuedTokens refresh(String refreshToken) {
        JwtTokens.RefreshClaims claims;
        try {
            claims = tokens.verifyRefresh(refreshToken);
        } catch (ApiException e) {
            throw e.error() == ApiError.TOKEN_EXPIRED ? ApiError.SESSION_HAS_EXPIRED.exception() : e;
        }
        Sessions.Session session = sessions.find(claims.sessionId())
                .filter(found -> found.usable(clock.instant()))
                .orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        UUID nextTokenId = UUID.randomUUID();
        Optional<UUID> successor = transactions.execute(status -> {
            Optional<UUID> current = sessions.rotate(
                    session.id(), claims.tokenId(), nextTokenId, refreshExpiry(), properties.refreshGrace());
            if (current.isEmpty()) {
                sessions.revoke(session.id());
                outbox.append(new RefreshTokenReused(session.userId(), session.id()));
            } else if (current.get().equals(nextTokenId)) {
                outbox.append(new SessionRefreshed(session.userId(), session.id()));
            }
            return current;
        });
        if (successor == null || successor.isEmpty()) {
            throw ApiError.INVALID_TOKEN.exception("This refresh token was already used; sign in again");
        }
        PersonalInformation user =
                accounts.personalInformation(session.userId()).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        return new IssuedTokens(
                tokens.access(user.id(), user.email(), session.id()),
                tokens.refresh(session.id(), successor.get()),
                user);
    }

    void signOut(AuthenticatedUser user) {
        transactions.executeWithoutResult(status -> {
            sessions.revoke(user.sessionId());
            outbox.append(new UserSignedOut(user.userId(), user.sessionId()));
        });
    }

    private Instant refreshExpiry() {
        return clock.instant().plus(properties.refreshTokenLifetime());
    }

    record IssuedTokens(String accessToken, String refreshToken, PersonalInformation user) {}
}
