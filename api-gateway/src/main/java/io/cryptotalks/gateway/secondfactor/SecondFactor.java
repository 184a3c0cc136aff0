package io.cryptotalks.gateway.secondfactor;

import io.cryptotalks.gateway.ratelimit.Limit;
import io.cryptotalks.gateway.ratelimit.RateLimits;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The contract's second-factor protocol (§1.2), one place for every action that needs it: with TOTP and no code the
 * answer is {@code two-fa-required}; with a phone and no code an SMS is sent and the answer is {@code code-sent} (or
 * {@code phone-two-fa-required} on sign-in); a wrong code is 400 and counts against the user's limit; a TOTP code is
 * accepted once.
 */
@Service
public class SecondFactor {

    public static final MessageResponse TWO_FA_REQUIRED = new MessageResponse("two-fa-required");
    public static final MessageResponse PHONE_TWO_FA_REQUIRED = new MessageResponse("phone-two-fa-required");
    public static final MessageResponse CODE_SENT = new MessageResponse("code-sent");

    private final SecuritySettings settings;
    private final SecretBox secrets;
    private final Totp totp;
    private final PhoneCodes phoneCodes;
    private final RateLimits limits;

    SecondFactor(SecuritySettings settings, SecretBox secrets, Totp totp, PhoneCodes phoneCodes, RateLimits limits) {
        this.settings = settings;
        this.secrets = secrets;
        this.totp = totp;
        this.phoneCodes = phoneCodes;
        this.limits = limits;
    }

    public boolean isSet(UUID userId) {
        return settings.of(userId).any();
    }

    /**
     * Empty when the user has no second factor or gave the right code; otherwise the message the endpoint answers
     * with (the client repeats the request with the code). Throws 400 on a wrong code, 429 past the limit.
     */
    public Optional<MessageResponse> challenge(UUID userId, Purpose purpose, String twoFaCode, String smsCode) {
        SecuritySettings.Factors factors = settings.of(userId);
        if (factors.hasTotp()) {
            Optional<String> code = Totp.blankToEmpty(twoFaCode).or(() -> Totp.blankToEmpty(smsCode));
            if (code.isEmpty()) {
                return Optional.of(TWO_FA_REQUIRED);
            }
            verifyTotp(userId, secrets.open(factors.twoFaToken()), code.get());
            return Optional.empty();
        }
        if (factors.hasPhone()) {
            Optional<String> code = Totp.blankToEmpty(smsCode).or(() -> Totp.blankToEmpty(twoFaCode));
            if (code.isEmpty()) {
                phoneCodes.send(userId, factors.phone(), purpose);
                return Optional.of(purpose == Purpose.SIGN_IN ? PHONE_TWO_FA_REQUIRED : CODE_SENT);
            }
            verifyPhoneCode(userId, purpose, code.get());
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** @return the time step of the accepted code */
    long verifyTotp(UUID userId, String secret, String code) {
        String key = "user:" + userId;
        limits.check(Limit.SECOND_FACTOR, key, userId);
        OptionalLong step = totp.verify(secret, code);
        if (step.isEmpty() || !settings.acceptStep(userId, step.getAsLong())) {
            limits.recordFailure(Limit.SECOND_FACTOR, key);
            throw ApiError.WRONG_2FA.exception();
        }
        return step.getAsLong();
    }

    /** @return the phone the used code was sent to */
    String verifyPhoneCode(UUID userId, Purpose purpose, String code) {
        String key = "user:" + userId;
        limits.check(Limit.SECOND_FACTOR, key, userId);
        return phoneCodes.use(userId, purpose, code).orElseThrow(() -> {
            limits.recordFailure(Limit.SECOND_FACTOR, key);
            return ApiError.PHONE_CODE_ERROR.exception();
        });
    }
}
