package io.cryptotalks.gateway.session;

import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.account.Accounts;
import io.cryptotalks.gateway.account.PersonalInformation;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
@Service
class SessionService {

    private final Accounts accounts;
    private final Sessions sessions;
    private final JwtTokens tokens;
    private final Passwords passwords;
    private final SignInAttempts attempts;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final SessionProperties properties;
    private final Clock clock;

    SessionService(Accounts accounts, Sessions sessions, JwtTokens tokens, Passwords passwords, SignInAttempts attempts,
                   OutboxWriter outbox, TransactionTemplate transactions, SessionProperties properties, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.attempts = attempts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The password is checked before anything about the account is revealed (contract S12). */
    IssuedTokens signIn(SignInRequest request, String client) {
        if (attempts.blocked(request.email(), client)) {
            throw ApiError.TOO_MANY_REQUESTS.exception();
        }
        Accounts.SignInAccount account = accounts.findForSignIn(request.email()).orElse(null);
        if (account == null) {
            passwords.compareWithNoAccount(request.password());
        }
        if (account == null || !passwords.matches(request.password(), account.password())) {
            attempts.failed(request.email(), client);
            throw ApiError.WRONG_CREDENTIALS.exception();
        }
        attempts.succeeded(request.email());
        if (!account.confirmed()) {
            transactions.executeWithoutResult(status ->
                    outbox.append(new SignInRefused(account.id(), "account-not-confirmed")));
            throw ApiError.ACCOUNT_NOT_CONFIRMED.exception();
        }
        UUID sessionId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            sessions.create(sessionId, account.id(), tokenId, refreshExpiry());
            outbox.append(new UserSignedIn(account.id(), sessionId));
        });
        return new IssuedTokens(tokens.access(account.id(), account.email(), sessionId),
                tokens.refresh(sessionId, tokenId), null);
    }

    /**
     * Rotates the refresh token. Presenting a refresh token that was already rotated away means it leaked or was
     * replayed: the whole session is revoked.
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
        boolean rotated = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!sessions.rotate(session.id(), claims.tokenId(), nextTokenId, refreshExpiry())) {
                return false;
            }
            outbox.append(new SessionRefreshed(session.userId(), session.id()));
            return true;
        }));
        if (!rotated) {
            sessions.revoke(session.id());
            throw ApiError.INVALID_TOKEN.exception("This refresh token was already used; sign in again");
        }
        PersonalInformation user = accounts.personalInformation(session.userId())
                .orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        return new IssuedTokens(tokens.access(user.id(), user.email(), session.id()),
                tokens.refresh(session.id(), nextTokenId), user);
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

    record IssuedTokens(String accessToken, String refreshToken, PersonalInformation user) {
    }
}
