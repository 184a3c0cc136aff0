package io.cryptotalks.gateway.session;

import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.account.Accounts;
import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.secondfactor.SecondFactor;
import io.cryptotalks.gateway.security.HashingSlots;
import io.cryptotalks.gateway.security.Passwords;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in. The password is checked before anything about the account is revealed (contract S12), and the limits
 * are keyed so that nobody can lock the owner out: failures count per account and client together; an account under
 * a distributed attack still lets in clients that have not failed on it; a client's own limit never refuses a
 * correct password (many users may share one address behind a server-side front end).
 */
@Service
class SignInService {

    private final Accounts accounts;
    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final SessionService sessions;
    private final RateLimits limits;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final HashingSlots slots;

    SignInService(
            Accounts accounts,
            Passwords passwords,
            SecondFactor secondFactor,
            SessionService sessions,
            RateLimits limits,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            HashingSlots slots) {
        this.slots = slots;
        this.accounts = accounts;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Tokens, or the second-factor message the client answers by repeating the request with the code. The whole
     * attempt runs in one hashing slot: sign-ins are served in arrival order, one per core.
     */
    Outcome signIn(SignInRequest request, String client) {
        return slots.run(() -> attempt(request, client));
    }

    private Outcome attempt(SignInRequest request, String client) {
        String email = request.email().trim();
        String pair = email + "|" + client;
        limits.check(Limit.SIGN_IN_ACCOUNT_CLIENT, pair, null);
        if (limits.exhausted(Limit.SIGN_IN_ACCOUNT, email) && !limits.untouched(Limit.SIGN_IN_ACCOUNT_CLIENT, pair)) {
            throw limits.refusal(Limit.SIGN_IN_ACCOUNT, email, null);
        }
        Accounts.SignInAccount account = accounts.findForSignIn(email).orElse(null);
        if (account == null) {
            passwords.compareWithNoAccount(request.password());
        }
        if (account == null || !passwords.matches(request.password(), account.password())) {
            limits.recordFailure(Limit.SIGN_IN_ACCOUNT_CLIENT, pair);
            limits.recordFailure(Limit.SIGN_IN_ACCOUNT, email);
            limits.recordFailure(Limit.SIGN_IN_CLIENT, client);
            if (account != null) {
                refused(account.id(), ApiError.WRONG_CREDENTIALS);
            }
            limits.check(Limit.SIGN_IN_CLIENT, client, account == null ? null : account.id());
            throw ApiError.WRONG_CREDENTIALS.exception();
        }
        if (!account.confirmed()) {
            refused(account.id(), ApiError.ACCOUNT_NOT_CONFIRMED);
            throw ApiError.ACCOUNT_NOT_CONFIRMED.exception();
        }
        Optional<MessageResponse> challenge;
        try {
            challenge = secondFactor.challenge(account.id(), Purpose.SIGN_IN, request.twoFaCode(), request.code());
        } catch (ApiException wrongCode) {
            refused(account.id(), wrongCode.error());
            throw wrongCode;
        }
        if (challenge.isPresent()) {
            return new Outcome(null, challenge.get());
        }
        if (passwords.needsUpgrade(account.password())) {
            accounts.replacePasswordHash(account.id(), account.password(), passwords.hash(request.password()));
        }
        return new Outcome(sessions.open(account.id(), account.email()), null);
    }

    private void refused(UUID userId, ApiError reason) {
        transactions.executeWithoutResult(status -> outbox.append(new SignInRefused(userId, reason.code())));
    }

    record Outcome(SessionService.IssuedTokens tokens, MessageResponse secondFactorRequired) {}
}
