package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.secondfactor.Purpose;
import io.cryptotalks.gateway.secondfactor.SecondFactor;
import io.cryptotalks.gateway.security.Passwords;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Proof that the person holding a session is the account's owner before a sensitive change: the second factor when
 * the account has one (as the original's clients send it), otherwise the current password. Wrong passwords count
 * against the same per-user limit as wrong codes.
 */
@Component
class Reauthentication {

    private final SecondFactor secondFactor;
    private final Passwords passwords;
    private final RateLimits limits;

    Reauthentication(SecondFactor secondFactor, Passwords passwords, RateLimits limits) {
        this.secondFactor = secondFactor;
        this.passwords = passwords;
        this.limits = limits;
    }

    /** Empty when proven; otherwise the second-factor message to answer with. */
    Optional<MessageResponse> factorOrPassword(
            Accounts.Account account, Purpose purpose, String password, String twoFaCode, String code) {
        if (secondFactor.isSet(account.id())) {
            return secondFactor.challenge(account.id(), purpose, twoFaCode, code);
        }
        if (password == null || password.isEmpty()) {
            throw ApiError.VALIDATION_ERROR.exception(
                    "password: your current password is required to confirm this change");
        }
        checkPassword(account, password);
        return Optional.empty();
    }

    /** The password and, when the account has one, the second factor too (closing the account). */
    Optional<MessageResponse> passwordAndFactor(
            Accounts.Account account, Purpose purpose, String password, String twoFaCode, String code) {
        checkPassword(account, password);
        return secondFactor.challenge(account.id(), purpose, twoFaCode, code);
    }

    private void checkPassword(Accounts.Account account, String password) {
        String key = "password:" + account.id();
        limits.check(Limit.SECOND_FACTOR, key, account.id());
        if (password == null || !passwords.matches(password, account.password())) {
            limits.recordFailure(Limit.SECOND_FACTOR, key);
            throw ApiError.WRONG_CREDENTIALS.exception();
        }
    }
}
