package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.ConfirmationEmailRequested;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.web.MessageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the registration link again (the original had no way to recover from a lost email, R11). The answer is
 * {@code sent} whatever the address: it tells nobody whether an account exists or is confirmed.
 */
@Service
class ResendConfirmationService {

    private final Accounts accounts;
    private final RateLimits limits;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    ResendConfirmationService(
            Accounts accounts,
            RateLimits limits,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    MessageResponse resend(String email, String client) {
        limits.mail(email.trim(), client, null);
        accounts.findForSignIn(email).filter(account -> !account.confirmed()).ifPresent(account -> {
            String username = jdbc.sql("select username from users where id = :id")
                    .param("id", account.id())
                    .query(String.class)
                    .single();
            transactions.executeWithoutResult(
                    status -> outbox.append(new ConfirmationEmailRequested(account.id(), account.email(), username)));
        });
        return ForgotPasswordService.SENT;
    }
}
