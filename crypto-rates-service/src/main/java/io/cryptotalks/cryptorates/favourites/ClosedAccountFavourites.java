package io.cryptotalks.cryptorates.favourites;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.consumer.EventHandler;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.users.UserAccountClosed;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed account keeps no favourite coins: its rows go, and each coin it had starred loses that one like (a user has
 * at most one row per coin), in the same transaction.
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
        List<String> removed = jdbc.sql("delete from favorite_coins where user_id = ? returning coin_uuid")
                .param(event.userId())
                .query(String.class)
                .list();
        if (!removed.isEmpty()) {
            jdbc.sql("update cryptocurrencies set likes = likes - 1 where uuid = any(?)")
                    .param(removed.toArray(String[]::new))
                    .update();
        }
        actionLog.write(ActionLog.success(
                envelope.eventId(),
                "CLOSE_ACC",
                "The " + removed.size() + " favourite coins of user " + event.userId()
                        + " were deleted (account closed).",
                event.userId().toString(),
                envelope.occurredAt()));
    }
}
