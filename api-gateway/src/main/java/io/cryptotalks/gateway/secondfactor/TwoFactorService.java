package io.cryptotalks.gateway.secondfactor;

import io.cryptotalks.common.events.users.TwoFactorDisabled;
import io.cryptotalks.common.events.users.TwoFactorEnabled;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.web.ApiError;
import io.cryptotalks.gateway.web.MessageResponse;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Switching a second factor on and off (E10–E13); a user has at most one. */
@Service
class TwoFactorService {

    private final SecuritySettings settings;
    private final SecretBox secrets;
    private final Totp totp;
    private final SecondFactor secondFactor;
    private final PhoneCodes phoneCodes;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    TwoFactorService(
            SecuritySettings settings,
            SecretBox secrets,
            Totp totp,
            SecondFactor secondFactor,
            PhoneCodes phoneCodes,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.settings = settings;
        this.secrets = secrets;
        this.totp = totp;
        this.secondFactor = secondFactor;
        this.phoneCodes = phoneCodes;
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** A fresh secret, pending until {@link #enableTotp} sees a code of it. */
    TwoFactorRequests.NewTotpSecret newTotpSecret(UUID userId) {
        refuseIfAnyFactor(userId);
        String secret = totp.newSecret();
        settings.setPendingSecret(userId, secrets.seal(secret));
        String uri = Totp.uri(secret, emailOf(userId));
        return new TwoFactorRequests.NewTotpSecret(secret, QrCodes.pngDataUri(uri), uri);
    }

    void enableTotp(UUID userId, String code) {
        SecuritySettings.Factors factors = settings.of(userId);
        if (factors.any() || factors.twoFaPending() == null) {
            throw ApiError.BAD_REQUEST.exception(
                    factors.any()
                            ? "A second factor is already set"
                            : "Ask for a secret first (POST /api/user/generate-2fa)");
        }
        long step = secondFactor.verifyTotp(userId, secrets.open(factors.twoFaPending()), code);
        transactions.executeWithoutResult(status -> {
            if (!settings.enableTotp(userId, factors.twoFaPending(), step)) {
                throw ApiError.BAD_REQUEST.exception("The second factor changed meanwhile; start again");
            }
            outbox.append(new TwoFactorEnabled(userId, "TOTP"));
        });
    }

    void disableTotp(UUID userId, String code) {
        SecuritySettings.Factors factors = settings.of(userId);
        if (!factors.hasTotp()) {
            throw ApiError.BAD_REQUEST.exception("Two-factor authentication is not set");
        }
        secondFactor.verifyTotp(userId, secrets.open(factors.twoFaToken()), code);
        transactions.executeWithoutResult(status -> {
            settings.disableTotp(userId);
            outbox.append(new TwoFactorDisabled(userId, "TOTP"));
        });
    }

    /** Without a code: texts one to the new number. With it: the number that received the code becomes the factor. */
    MessageResponse setPhone(UUID userId, String phone, String code) {
        refuseIfAnyFactor(userId);
        if (code == null || code.isBlank()) {
            phoneCodes.send(userId, phone, Purpose.SET_PHONE);
            return SecondFactor.CODE_SENT;
        }
        String verifiedPhone = secondFactor.verifyPhoneCode(userId, Purpose.SET_PHONE, code);
        transactions.executeWithoutResult(status -> {
            settings.setPhone(userId, verifiedPhone);
            outbox.append(new TwoFactorEnabled(userId, "PHONE"));
        });
        return MessageResponse.SUCCESS;
    }

    MessageResponse removePhone(UUID userId, String code) {
        SecuritySettings.Factors factors = settings.of(userId);
        if (!factors.hasPhone()) {
            throw ApiError.BAD_REQUEST.exception("No phone is set");
        }
        if (code == null || code.isBlank()) {
            phoneCodes.send(userId, factors.phone(), Purpose.REMOVE_PHONE);
            return SecondFactor.CODE_SENT;
        }
        secondFactor.verifyPhoneCode(userId, Purpose.REMOVE_PHONE, code);
        transactions.executeWithoutResult(status -> {
            settings.setPhone(userId, null);
            outbox.append(new TwoFactorDisabled(userId, "PHONE"));
        });
        return MessageResponse.SUCCESS;
    }

    private void refuseIfAnyFactor(UUID userId) {
        if (settings.of(userId).any()) {
            throw ApiError.BAD_REQUEST.exception("A second factor is already set; remove it first");
        }
    }

    private String emailOf(UUID userId) {
        return jdbc.sql("select email from users where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional()
                .orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
    }
}
