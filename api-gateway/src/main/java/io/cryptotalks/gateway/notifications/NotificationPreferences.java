package io.cryptotalks.gateway.notifications;

import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.notifications.NotificationPreferencesChanged;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.outbox.PendingEvents;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which notifications a user wants, saved as an event the users-service applies ({@code notification_preferences});
 * read back as the caller's last pending change, else the row, else the defaults (everything on).
 */
@Service
class NotificationPreferences {

    private final JdbcClient jdbc;
    private final PendingEvents pending;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    NotificationPreferences(JdbcClient jdbc, EventJson json, OutboxWriter outbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.pending = new PendingEvents(jdbc, json, "users_processed_events", NotificationPreferencesChanged.class);
        this.outbox = outbox;
        this.transactions = transactions;
    }

    Settings of(UUID caller) {
        // the caller's newest change still on its way, else the applied row, else everything on
        return transactions.execute(status -> pending.of(caller.toString()).stream()
                .reduce((older, newer) -> newer)
                .map(newest -> Settings.of((NotificationPreferencesChanged) newest))
                .or(() -> jdbc.sql("""
                                select comments, replies, mentions, follows, ratings, email_mentions, email_replies
                                from notification_preferences where user_id = :user""")
                        .param("user", caller)
                        .query(Settings.class)
                        .optional())
                .orElse(new Settings(true, true, true, true, true, true, true)));
    }

    void save(UUID caller, Settings settings) {
        transactions.executeWithoutResult(status -> outbox.append(new NotificationPreferencesChanged(
                caller,
                settings.comments(),
                settings.replies(),
                settings.mentions(),
                settings.follows(),
                settings.ratings(),
                settings.emailMentions(),
                settings.emailReplies())));
    }

    /** Per type on or off, and the emails for mentions and for comments and replies in one's threads. */
    @Schema(name = "NotificationPreferences")
    record Settings(
            @NotNull(message = "is required") Boolean comments,
            @NotNull(message = "is required") Boolean replies,
            @NotNull(message = "is required") Boolean mentions,
            @NotNull(message = "is required") Boolean follows,
            @NotNull(message = "is required") Boolean ratings,
            @NotNull(message = "is required") Boolean emailMentions,
            @NotNull(message = "is required") Boolean emailReplies) {

        static Settings of(NotificationPreferencesChanged event) {
            return new Settings(
                    event.comments(),
                    event.replies(),
                    event.mentions(),
                    event.follows(),
                    event.ratings(),
                    event.emailMentions(),
                    event.emailReplies());
        }
    }
}
