package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.UserProfileUpdated;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.follows.Follows;
import io.cryptotalks.gateway.web.ApiError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Settings (E14), the profile form (E15) and public profiles (E17) with their follow fields. */
@Service
class ProfileService {

    private final Accounts accounts;
    private final AccountSettings settings;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final Follows follows;

    ProfileService(
            Accounts accounts,
            AccountSettings settings,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            Follows follows) {
        this.accounts = accounts;
        this.settings = settings;
        this.outbox = outbox;
        this.transactions = transactions;
        this.follows = follows;
    }

    UserSettings settingsOf(UUID userId) {
        PersonalInformation profile =
                accounts.personalInformation(userId).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        AccountSettings.Settings security = settings.of(userId);
        // the email once, in securitySettings (the original meant to drop it from personalSettings and failed, F19)
        return new UserSettings(
                profile.isProfilePicPresent(),
                new SecuritySettingsView(
                        security.publicEmail(),
                        security.emailChanged(),
                        security.passwordChanged(),
                        security.phone(),
                        profile.email(),
                        security.twoFa()),
                profile.withEmailShown(false));
    }

    /** Only the profile fields; the username's unique index is checked here, the users-service applies the rest. */
    void update(UUID userId, AccountRequests.PersonalSettings request) {
        if (accounts.usernameTakenByAnother(request.username(), userId)) {
            throw ApiError.USERNAME_TAKEN.exception();
        }
        boolean publicEmail = request.publicEmail() != null
                ? request.publicEmail()
                : settings.of(userId).publicEmail();
        transactions.executeWithoutResult(status -> outbox.append(new UserProfileUpdated(
                userId,
                request.username(),
                text(request.firstName()),
                text(request.lastName()),
                text(request.twitter()),
                text(request.linkedIn()),
                text(request.personalWebsite()),
                text(request.title()),
                text(request.bio()),
                publicEmail)));
    }

    PublicProfile publicProfile(String username, UUID caller) {
        PersonalInformation profile = accounts.publicProfile(username).orElseThrow(ApiError.USER_NOT_FOUND::exception);
        return PublicProfile.of(profile, follows.ofUser(profile.id(), caller));
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    @Schema(name = "UserSettings")
    record UserSettings(
            boolean isProfilePicPresent, SecuritySettingsView securitySettings, PersonalInformation personalSettings) {}

    /** {@code twoFaToken} says whether TOTP is on; the secret never leaves the server. */
    @Schema(name = "SecuritySettings")
    record SecuritySettingsView(
            boolean publicEmail,
            boolean emailChanged,
            @Schema(nullable = true) OffsetDateTime passwordChanged,
            @Schema(nullable = true) String phone,
            String email,
            boolean twoFaToken) {}
}
