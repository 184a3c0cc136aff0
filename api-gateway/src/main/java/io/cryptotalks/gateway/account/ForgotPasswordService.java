package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.PasswordResetRequested;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.secondfactor.PhoneCodes;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.security.Passwords;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.ApiException;
import io.cryptotalks.gateway.web.MessageResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgot password (E8), by email (a typed, expiring, single-use link bound to the address) or by SMS (a code). Step
 * one always answers {@code sent}, whether or not the account exists; step two checks the password policy.
 */
@Service
class ForgotPasswordService {

    static final MessageResponse SENT = new MessageResponse("sent");
    private static final Pattern EMAIL = Pattern.compile(AccountRules.EMAIL);
    private static final Pattern PASSWORD = Pattern.compile(AccountRules.PASSWORD);

    private final Accounts accounts;
    private final Passwords passwords;
    private final PasswordChangeService passwordChange;
    private final PhoneCodes phoneCodes;
    private final RateLimits limits;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ForgotPasswordService(
            Accounts accounts,
            Passwords passwords,
            PasswordChangeService passwordChange,
            PhoneCodes phoneCodes,
            RateLimits limits,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.passwordChange = passwordChange;
        this.phoneCodes = phoneCodes;
        this.limits = limits;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    MessageResponse forgot(AccountRequests.ForgotPassword request, String client) {
        boolean byEmail = present(request.email());
        if (!byEmail && !present(request.phone())
                || byEmail && !EMAIL.matcher(request.email().trim()).matches()) {
            throw ApiError.BAD_REQUEST.exception();
        }
        if (!present(request.verificationString())) {
            if (byEmail) {
                sendLink(request.email().trim(), client);
            } else {
                limits.consume(Limit.MAIL_CLIENT, client, null);
                sendCode(request.phone().trim());
            }
            return SENT;
        }
        limits.consume(Limit.RESET_ATTEMPT, client, null);
        if (request.password() == null || !PASSWORD.matcher(request.password()).matches()) {
            throw ApiError.VALIDATION_ERROR.exception("password: " + AccountRules.PASSWORD_RULE);
        }
        return byEmail ? resetWithLink(request) : resetWithCode(request);
    }

    private void sendLink(String email, String client) {
        limits.mail(email, client, null);
        accounts.findForSignIn(email)
                .ifPresent(account -> transactions.executeWithoutResult(
                        status -> outbox.append(new PasswordResetRequested(account.id(), account.email()))));
    }

    /** An unknown number, or one whose SMS limit is spent, answers exactly like a known one. */
    private void sendCode(String phone) {
        userWithPhone(phone).ifPresent(userId -> {
            try {
                phoneCodes.send(userId, phone, Purpose.RESET_PASSWORD);
            } catch (ApiException limited) {
                // the same "sent" as for any number: the answer says nothing about the account
            }
        });
    }

    /** One transaction: the link is used up only when the password really changes. */
    private MessageResponse resetWithLink(AccountRequests.ForgotPassword request) {
        transactions.executeWithoutResult(status -> {
            ConfirmationLinks.Link hash = ConfirmationLinks.find(jdbc, request.verificationString(), "FORGOT_PASSWORD")
                    .filter(found -> !found.confirmed())
                    .filter(found -> found.changingEmail() != null
                            && found.changingEmail()
                                    .toLowerCase(Locale.ROOT)
                                    .equals(request.email().trim().toLowerCase(Locale.ROOT)))
                    .orElseThrow(ApiError.WRONG_HASH::exception);
            if (hash.expired(clock.instant())) {
                throw ApiError.HASH_EXPIRED.exception();
            }
            replace(hash.userId(), request.password(), "RESET_EMAIL");
            ConfirmationLinks.markUsed(jdbc, hash.id());
        });
        return MessageResponse.SUCCESS;
    }

    private MessageResponse resetWithCode(AccountRequests.ForgotPassword request) {
        UUID userId = userWithPhone(request.phone().trim()).orElseThrow(ApiError.PHONE_CODE_ERROR::exception);
        phoneCodes
                .use(userId, Purpose.RESET_PASSWORD, request.verificationString())
                .orElseThrow(ApiError.PHONE_CODE_ERROR::exception);
        replace(userId, request.password(), "RESET_SMS");
        return MessageResponse.SUCCESS;
    }

    /** Every session ends: whoever knew the old password is signed out. */
    private void replace(UUID userId, String password, String method) {
        Accounts.Account account = accounts.byId(userId).orElseThrow(ApiError.WRONG_HASH::exception);
        if (passwords.matches(password, account.password())) {
            throw ApiError.SAME_PASSWORD.exception();
        }
        passwordChange.replace(userId, passwords.hash(password), null, method);
    }

    private Optional<UUID> userWithPhone(String phone) {
        return jdbc.sql("select user_id from user_settings where phone = :phone limit 1")
                .param("phone", phone)
                .query(UUID.class)
                .optional();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
