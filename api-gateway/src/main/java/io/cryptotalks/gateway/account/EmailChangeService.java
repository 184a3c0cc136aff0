package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.EmailChangeRequested;
import io.cryptotalks.common.events.users.UserEmailChanged;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the email (E6, E4): re-authenticated, confirmed from the new address (a typed, expiring, single-use link)
 * with a notice to the old one; the address changes the moment the link is used, its unique index deciding races.
 */
@Service
class EmailChangeService {

    private final Accounts accounts;
    private final AccountSettings settings;
    private final Reauthentication reauthentication;
    private final RateLimits limits;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    EmailChangeService(
            Accounts accounts,
            AccountSettings settings,
            Reauthentication reauthentication,
            RateLimits limits,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.reauthentication = reauthentication;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    MessageResponse request(UUID userId, AccountRequests.ChangeEmail request, String client) {
        Accounts.Account account = accounts.byId(userId).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        String email = request.email().trim();
        if (accounts.emailTaken(email)) {
            throw ApiError.USER_ALREADY_EXISTS.exception();
        }
        if (settings.of(userId).emailChanged()) {
            throw ApiError.EMAIL_ALREADY_CHANGED.exception();
        }
        Optional<MessageResponse> challenge = reauthentication.factorOrPassword(
                account, Purpose.CHANGE_EMAIL, request.password(), request.twoFaCode(), request.code());
        if (challenge.isPresent()) {
            return challenge.get();
        }
        limits.mail(email, client, userId);
        transactions.executeWithoutResult(
                status -> outbox.append(new EmailChangeRequested(userId, email, account.email())));
        return MessageResponse.SUCCESS;
    }

    @Transactional
    void confirm(String token) {
        ConfirmationLinks.Link hash =
                ConfirmationLinks.find(jdbc, token, "EMAIL_CHANGE").orElseThrow(ApiError.HASH_NOT_FOUND::exception);
        if (hash.confirmed()) {
            throw ApiError.EMAIL_CHANGE_CONFIRMED.exception();
        }
        if (hash.expired(clock.instant())) {
            throw ApiError.HASH_EXPIRED.exception();
        }
        Accounts.Account account = accounts.byId(hash.userId()).orElseThrow(ApiError.HASH_NOT_FOUND::exception);
        try {
            accounts.updateEmail(hash.userId(), hash.changingEmail());
        } catch (DuplicateKeyException taken) {
            throw ApiError.USER_ALREADY_EXISTS.exception("Another account uses this address now");
        }
        ConfirmationLinks.markUsed(jdbc, hash.id());
        settings.emailChanged(hash.userId());
        outbox.append(new UserEmailChanged(hash.userId(), hash.id(), account.email(), hash.changingEmail()));
    }
}
