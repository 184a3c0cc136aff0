package io.cryptotalks.cryptorates.market;

import io.cryptotalks.common.actionlog.ActionLog;
import io.cryptotalks.common.actionlog.ActionLogWriter;
import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.market.MarketSynced;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * What a market run tells once its transaction is over: the {@code CRYPTO} action log, and after a commit the
 * {@code market-synced} notice. Neither can undo the run, so their failures are logged, never thrown: the notice is a
 * cache hint and the gateway's cache TTL bounds how stale a missed one leaves it.
 */
@Component
public class MarketNotices {

    static final String ACTION = "CRYPTO";
    private static final Logger log = LoggerFactory.getLogger(MarketNotices.class);

    private final ActionLogWriter actionLog;
    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;
    private final Clock clock;

    MarketNotices(ActionLogWriter actionLog, KafkaTemplate<String, String> kafka, EventJson json, Clock clock) {
        this.actionLog = actionLog;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    public void committed(MarketSynced synced, String message) {
        log.info(message);
        write(ActionLog.success(UUID.randomUUID(), ACTION, message, null, clock.instant()));
        EventEnvelope notice = EventEnvelope.of(synced, clock);
        try {
            kafka.send(Topics.MARKET, MarketSynced.KEY, json.write(notice)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    log.warn("the market-synced notice {} was not sent: {}", notice.eventId(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("the market-synced notice {} was not sent: {}", notice.eventId(), e.toString());
        }
    }

    public void failed(String message, Throwable cause) {
        log.error(message, cause);
        write(ActionLog.error(UUID.randomUUID(), ACTION, message, null, clock.instant()));
    }

    private void write(ActionLog entry) {
        try {
            actionLog.write(entry);
        } catch (RuntimeException e) {
            log.warn("the {} action log was not written: {}", entry.status(), e.toString());
        }
    }
}
