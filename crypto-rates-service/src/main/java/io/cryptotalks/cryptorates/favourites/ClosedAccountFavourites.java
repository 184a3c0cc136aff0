package io.cryptotalks.cryptorates.favourites;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountClosed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed account keeps no favourite coins. Nothing counts favourites per coin (a count is a query over
 * {@code favorite_coins}), so no counter needs correcting.
 */
@Component
public class ClosedAccountFavourites implements EventHandler<UserAccountClosed> {

    private final JdbcClient jdbc;
    private final ActionLogWriter actionLog;

    ClosedAccountFavourites(JdbcClient jdbc, ActionLogWriter actionLog) {
        this.jdbc = jdbc;
        this.actionLog = actionLog;
    }

    @Override
    public void handle(UserAccountClosed event, EventEnvelope envelope) {
        int deleted = jdbc.sql("delete from favorite_coins where user_id = ?").param(event.userId()).update();
        actionLog.write(ActionLog.success(envelope.eventId(), "CLOSE_ACC", "The " + deleted
                        + " favourite coins of user " + event.userId() + " were deleted (account closed).",
                event.userId().toString(), envelope.occurredAt()));
    }
}
