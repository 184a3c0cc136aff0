package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserPasswordChanged;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.security.AuthenticatedUser;
import io.cryptotalks.gateway.security.Passwords;
import io.cryptotalks.gateway.security.Sessions;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the password (E7): re-authenticated (second factor, or the current password for accounts without one —
 * the original refused those users outright), at most once in 24 hours, enforced here. Other sessions end.
 */
@Service
class PasswordChangeService {

    static final Duration MIN_INTERVAL = Duration.ofHours(24);

    private final Accounts accounts;
    private final AccountSettings settings;
    private final Reauthentication reauthentication;
    private final Passwords passwords;
    private final Sessions sessions;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChangeService(
            Accounts accounts,
            AccountSettings settings,
            Reauthentication reauthentication,
            Passwords passwords,
            Sessions sessions,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.reauthentication = reauthentication;
        this.passwords = passwords;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    MessageResponse change(AuthenticatedUser user, AccountRequests.ChangePassword request) {
        if (!request.password().equals(request.passwordRepeat())) {
            throw ApiError.VALIDATION_ERROR.exception("passwordRepeat: must be the same as password");
        }
        Accounts.Account account = accounts.byId(user.userId()).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        var changed = settings.of(user.userId()).passwordChanged();
        if (changed != null && changed.toInstant().plus(MIN_INTERVAL).isAfter(clock.instant())) {
            Instant next = changed.toInstant().plus(MIN_INTERVAL);
            throw ApiError.PASSWORD_CHANGED_RECENTLY.exception(
                    "The password was changed less than 24 hours ago;" + " it can be changed again after " + next);
        }
        Optional<MessageResponse> challenge = reauthentication.factorOrPassword(
                account, Purpose.CHANGE_PASSWORD, request.currentPassword(), request.twoFaCode(), request.code());
        if (challenge.isPresent()) {
            return challenge.get();
        }
        if (passwords.matches(request.password(), account.password())) {
            throw ApiError.SAME_PASSWORD.exception();
        }
        replace(user.userId(), passwords.hash(request.password()), user.sessionId(), "CHANGE");
        return MessageResponse.SUCCESS;
    }

    /** Stores the new hash and ends the sessions but {@code keepSession} (null: every one), in one transaction. */
    void replace(UUID userId, String hash, UUID keepSession, String method) {
        transactions.executeWithoutResult(status -> {
            accounts.updatePassword(userId, hash);
            settings.passwordChangedNow(userId);
            sessions.revokeAllOf(userId, keepSession);
            outbox.append(new UserPasswordChanged(userId, method));
        });
    }
}
