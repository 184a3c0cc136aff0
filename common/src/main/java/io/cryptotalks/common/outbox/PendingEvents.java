package io.cryptotalks.common.outbox;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventCatalog;
import io.cryptotalks.common.events.EventJson;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One key's events of the given types that a worker has not applied yet: in the outbox and not in the worker's
 * processed-events table, oldest first. Read in the same transaction as the worker's rows, an event shows in the rows
 * or here, never both or neither — what the gateway's reads overlay so that a caller sees their own writes at once.
 */
public final class PendingEvents {

    private final JdbcClient jdbc;
    private final EventJson json;
    private final String sql;

    /** @param processedEventsTable the worker's table, a constant of the code (it goes into the statement's text) */
    @SafeVarargs
    public PendingEvents(
            JdbcClient jdbc, EventJson json, String processedEventsTable, Class<? extends DomainEvent>... types) {
        if (!processedEventsTable.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + processedEventsTable);
        }
        this.jdbc = jdbc;
        this.json = json;
        // the event types are constants in the text, so the outbox's partial index applies to every plan
        String typeNames = Arrays.stream(types)
                .map(type -> "'" + EventCatalog.typeOf(type).name() + "'")
                .collect(Collectors.joining(", "));
        this.sql = """
                select envelope from outbox o
                where o.message_key = :key and o.event_type in (%s)
                  and not exists (select 1 from %s p where p.event_id = o.event_id)
                order by o.seq""".formatted(typeNames, processedEventsTable);
    }

    public List<DomainEvent> of(String key) {
        return jdbc.sql(sql)
                .param("key", key)
                .query((rs, row) -> json.read(rs.getString("envelope")).payload())
                .list();
    }
}
