package io.cryptotalks.common.events;

import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import io.cryptotalks.common.events.market.MarketSynced;
import io.cryptotalks.common.events.notifications.AllNotificationsAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationAcknowledged;
import io.cryptotalks.common.events.notifications.NotificationPreferencesChanged;
import io.cryptotalks.common.events.notifications.NotificationsChanged;
import io.cryptotalks.common.events.posts.CommentAdded;
import io.cryptotalks.common.events.posts.CommentRated;
import io.cryptotalks.common.events.posts.PostCreated;
import io.cryptotalks.common.events.posts.PostDeleted;
import io.cryptotalks.common.events.posts.PostRated;
import io.cryptotalks.common.events.posts.PostUpdated;
import io.cryptotalks.common.events.sessions.RefreshTokenReused;
import io.cryptotalks.common.events.sessions.RequestsThrottled;
import io.cryptotalks.common.events.sessions.SessionRefreshed;
import io.cryptotalks.common.events.sessions.SignInRefused;
import io.cryptotalks.common.events.sessions.UserSignedIn;
import io.cryptotalks.common.events.sessions.UserSignedOut;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the system. A new event is added here, and the contract tests then cover it. */
public final class EventCatalog {

    public static final List<Class<? extends DomainEvent>> ALL = List.of(
            UserSignedUp.class,
            UserAccountConfirmed.class,
            ConfirmationEmailRequested.class,
            EmailChangeRequested.class,
            UserEmailChanged.class,
            PasswordResetRequested.class,
            UserPasswordChanged.class,
            PhoneCodeIssued.class,
            TwoFactorEnabled.class,
            TwoFactorDisabled.class,
            UserProfileUpdated.class,
            ProfilePhotoChanged.class,
            UserAccountClosed.class,
            UserFollowed.class,
            UserUnfollowed.class,
            TagFollowed.class,
            TagUnfollowed.class,
            NotificationAcknowledged.class,
            AllNotificationsAcknowledged.class,
            NotificationPreferencesChanged.class,
            NotificationsChanged.class,
            UserSignedIn.class,
            SignInRefused.class,
            SessionRefreshed.class,
            RefreshTokenReused.class,
            UserSignedOut.class,
            RequestsThrottled.class,
            PostCreated.class,
            PostUpdated.class,
            PostDeleted.class,
            CommentAdded.class,
            PostRated.class,
            CommentRated.class,
            CoinFavourited.class,
            CoinUnfavourited.class,
            MarketSynced.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(type -> typeOf(type).name(), Function.identity()));

    private EventCatalog() {}

    public static EventType typeOf(Class<? extends DomainEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type;
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
