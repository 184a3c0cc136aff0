package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.security.Sessions;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closing an account (E9): the password, and the second factor when set. The users row goes at once (nothing of the
 * user reads any more, the email and username are free again) with every session; {@link UserAccountClosed} then
 * lets each service delete what it holds, however long a worker is down.
 */
@Service
class CloseAccountService {

    private final Accounts accounts;
    private final Reauthentication reauthentication;
    private final Sessions sessions;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    CloseAccountService(
            Accounts accounts,
            Reauthentication reauthentication,
            Sessions sessions,
            OutboxWriter outbox,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.reauthentication = reauthentication;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Empty when the account is closed; otherwise the second-factor message. */
    Optional<MessageResponse> close(UUID userId, AccountRequests.CloseAccount request) {
        Accounts.Account account = accounts.byId(userId).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        Optional<MessageResponse> challenge = reauthentication.passwordAndFactor(
                account, Purpose.CLOSE_ACCOUNT, request.password(), request.twoFaCode(), request.code());
        if (challenge.isPresent()) {
            return challenge;
        }
        transactions.executeWithoutResult(status -> {
            accounts.delete(userId);
            sessions.revokeAllOf(userId, null);
            outbox.append(new UserAccountClosed(userId, account.username()));
        });
        return Optional.empty();
    }
}
