package io.cryptotalks.users.password;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserPasswordChanged;
import io.cryptotalks.users.notices.AccountNotices;
import org.springframework.stereotype.Component;

/** The gateway stored the new password; the owner gets a notice and the change is logged. */
@Component
public class PasswordChangedHandler implements EventHandler<UserPasswordChanged> {

    private final AccountNotices notices;
    private final ActionLogWriter actionLog;

    PasswordChangedHandler(AccountNotices notices, ActionLogWriter actionLog) {
        this.notices = notices;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserPasswordChanged event, EventEnvelope envelope) {
        notices.send(
                envelope,
                event.userId(),
                "Cryptotalks - Your password was changed",
                "The password of your Cryptotalks account was changed, and your other sessions were signed out.");
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "USER",
                "User " + event.userId() + " has successfully changed password (" + method(event.method()) + ").",
                event.userId().toString(),
                envelope.occurredAt()));
    }

    private static String method(String method) {
        return switch (method == null ? "" : method) {
            case "RESET_EMAIL" -> "reset by email";
            case "RESET_SMS" -> "reset by SMS";
            default -> "changed in the settings";
        };
    }
}
