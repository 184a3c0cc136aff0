package io.cryptotalks.users;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationPreferencesChanged;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.common.events.users.ConfirmationEmailRequested;
import io.cryptotalks.common.events.users.EmailChangeRequested;
import io.cryptotalks.common.events.users.PasswordResetRequested;
import io.cryptotalks.common.events.users.PhoneCodeIssued;
import io.cryptotalks.common.events.users.ProfilePhotoChanged;
import io.cryptotalks.common.events.users.TwoFactorDisabled;
import io.cryptotalks.common.events.users.TwoFactorEnabled;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.common.events.users.UserAccountConfirmed;
import io.cryptotalks.common.events.users.UserEmailChanged;
import io.cryptotalks.common.events.users.UserPasswordChanged;
import io.cryptotalks.common.events.users.UserProfileUpdated;
import io.cryptotalks.common.events.users.UserSignedUp;
import io.cryptotalks.users.closing.AccountClosedHandler;
import io.cryptotalks.users.email.EmailChangeRequestedHandler;
import io.cryptotalks.users.email.EmailChangedHandler;
import io.cryptotalks.users.follows.TagFollows;
import io.cryptotalks.users.follows.UserFollows;
import io.cryptotalks.users.notifications.PostNotifications;
import io.cryptotalks.users.notifications.Preferences;
import io.cryptotalks.users.notifications.ReadNotifications;
import io.cryptotalks.users.password.PasswordChangedHandler;
import io.cryptotalks.users.password.PasswordResetRequestedHandler;
import io.cryptotalks.users.photos.ProfilePhotoChangedHandler;
import io.cryptotalks.users.profile.ProfileUpdatedHandler;
import io.cryptotalks.users.registration.AccountConfirmedHandler;
import io.cryptotalks.users.registration.ConfirmationEmailRequestedHandler;
import io.cryptotalks.users.registration.SignedUpHandler;
import io.cryptotalks.users.security.PhoneCodeIssuedHandler;
import io.cryptotalks.users.security.TwoFactorHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the users-service applies from the topics it consumes (users-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class UsersEvents {

    @Bean
    EventHandlers eventHandlers(
            SignedUpHandler signedUp,
            AccountConfirmedHandler accountConfirmed,
            ConfirmationEmailRequestedHandler confirmationEmailRequested,
            EmailChangeRequestedHandler emailChangeRequested,
            EmailChangedHandler emailChanged,
            PasswordResetRequestedHandler passwordResetRequested,
            PasswordChangedHandler passwordChanged,
            PhoneCodeIssuedHandler phoneCodeIssued,
            TwoFactorHandlers twoFactor,
            ProfileUpdatedHandler profileUpdated,
            ProfilePhotoChangedHandler profilePhotoChanged,
            AccountClosedHandler accountClosed,
            UserFollows userFollows,
            TagFollows tagFollows,
            PostNotifications posts,
            ReadNotifications notifications,
            Preferences preferences) {
        return EventHandlers.builder()
                .on(UserSignedUp.class, signedUp)
                .on(UserAccountConfirmed.class, accountConfirmed)
                .on(ConfirmationEmailRequested.class, confirmationEmailRequested)
                .on(EmailChangeRequested.class, emailChangeRequested)
                .on(UserEmailChanged.class, emailChanged)
                .on(PasswordResetRequested.class, passwordResetRequested)
                .on(UserPasswordChanged.class, passwordChanged)
                .on(PhoneCodeIssued.class, phoneCodeIssued)
                .on(TwoFactorEnabled.class, twoFactor.enabled())
                .on(TwoFactorDisabled.class, twoFactor.disabled())
                .on(UserProfileUpdated.class, profileUpdated)
                .on(ProfilePhotoChanged.class, profilePhotoChanged)
                .on(UserAccountClosed.class, accountClosed)
                .on(UserFollowed.class, (event, envelope) -> {
                    if (userFollows.followed(event, envelope)) {
                        notifications.followed(event, envelope);
                    }
                })
                .on(UserUnfollowed.class, userFollows::unfollowed)
                .on(TagFollowed.class, tagFollows::followed)
                .on(TagUnfollowed.class, tagFollows::unfollowed)
                .on(NotificationAcknowledged.class, notifications::read)
                .on(AllNotificationsAcknowledged.class, notifications::readAll)
                .on(NotificationPreferencesChanged.class, preferences::changed)
                .on(PostCreated.class, posts::created)
                .on(PostUpdated.class, posts::updated)
                .on(PostDeleted.class, posts::deleted)
                .on(CommentAdded.class, posts::commented)
                .on(PostRated.class, posts::rated)
                .build();
    }
}
