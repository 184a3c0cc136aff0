package io.cryptotalks.common.actionlog;

import io.cryptotalks.common.tracing.TraceParents;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes action logs to MongoDB. Called inside the consumer's database transaction, before it commits: if the write
 * fails the event is retried, and if the commit fails after it, the retry finds the document already there. A log
 * written while applying an event carries the trace id of the request that caused it.
 */
public class ActionLogWriter {

    public static final String COLLECTION = "informationlogs";

    private final MongoTemplate mongo;
    private final TraceParents traceParents;

    public ActionLogWriter(MongoTemplate mongo, TraceParents traceParents) {
        this.mongo = mongo;
        this.traceParents = traceParents;
    }

    public void write(ActionLog log) {
        Document document = new Document("_id", log.eventId().toString())
                .append("event", log.event())
                .append("status", log.status())
                .append("message", log.message())
                .append("userId", log.userId())
                .append("timestamp", Date.from(log.timestamp()))
                .append("traceId", traceParents.currentTraceId());
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException alreadyWritten) {
            // a redelivered event: its log is already there
        }
    }
}
