package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.security.Passwords;
import io.cryptotalks.gateway.web.ApiError;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers an account: the users row and the {@link UserSignedUp} event commit together, or neither does. */
@Service
class SignUpService {

    private final Accounts accounts;
    private final OutboxWriter outbox;
    private final Passwords passwords;
    private final TransactionTemplate transactions;
    private final RateLimits limits;

    SignUpService(
            Accounts accounts,
            OutboxWriter outbox,
            Passwords passwords,
            TransactionTemplate transactions,
            RateLimits limits) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.passwords = passwords;
        this.transactions = transactions;
        this.limits = limits;
    }

    /**
     * Limited per client, and per address since every sign-up mails the address it names; the mail limits count only
     * a sign-up that happens (a taken address costs its owner nothing), and a refusal rolls the account back.
     */
    UUID signUp(SignUpRequest request, String client) {
        if (!Boolean.TRUE.equals(request.tac())) {
            throw ApiError.TAC_NOT_ACCEPTED.exception();
        }
        limits.consume(Limit.SIGN_UP_CLIENT, client, null);
        String passwordHash = passwords.hash(request.password());
        UUID userId = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(status -> {
                accounts.insert(userId, request, passwordHash);
                limits.mail(request.email().trim(), client, userId);
                outbox.append(new UserSignedUp(
                        userId,
                        request.email().trim(),
                        request.username(),
                        Boolean.TRUE.equals(request.publicEmail())));
            });
        } catch (DuplicateKeyException taken) {
            throw ApiError.USER_ALREADY_EXISTS.exception();
        }
        return userId;
    }
}
