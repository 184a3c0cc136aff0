package io.cryptotalks.users.security;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.TwoFactorDisabled;
import io.cryptotalks.common.events.users.TwoFactorEnabled;
import io.cryptotalks.users.notices.AccountNotices;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A second factor switched on or off (the gateway stored it): the SECURITY log and a notice to the owner. */
@Component
public class TwoFactorHandlers {

    private final AccountNotices notices;
    private final ActionLogWriter actionLog;

    TwoFactorHandlers(AccountNotices notices, ActionLogWriter actionLog) {
        this.notices = notices;
        this.actionLog = actionLog;
    }

    public EventHandler<TwoFactorEnabled> enabled() {
        return (event, envelope) -> apply(envelope, event.userId(), event.method(), "set", "on");
    }

    public EventHandler<TwoFactorDisabled> disabled() {
        return (event, envelope) -> apply(envelope, event.userId(), event.method(), "removed", "off");
    }

    private void apply(EventEnvelope envelope, UUID userId, String method, String done, String state) {
        String factor = "PHONE".equals(method) ? "SMS codes" : "an authenticator app";
        notices.send(
                envelope,
                userId,
                "Cryptotalks - Two-factor authentication is " + state,
                "Two-factor authentication with " + factor + " was switched " + state
                        + " for your Cryptotalks account.");
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "SECURITY",
                "MFA (" + ("PHONE".equals(method) ? "PHONE" : "TOTP") + ") for user " + userId
                        + " has been successfully " + done + ".",
                userId.toString(),
                envelope.occurredAt()));
    }
}
