package io.cryptotalks.gateway.market;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.MalformedEventException;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.market.MarketSynced;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears every {@code market-synced} notice and drops the market cache. Each gateway instance is its own consumer group
 * (a random suffix), so every instance hears every notice, starting from the latest offset: a new instance has an
 * empty cache and nothing to catch up on. Not an idempotent consumer — there is no state to apply, a repeated notice
 * only empties the cache again — and it never throws, so a bad record is never retried or dead-lettered by each
 * instance.
 */
@Component
class MarketSyncListener {

    private static final Logger log = LoggerFactory.getLogger(MarketSyncListener.class);

    private final MarketCache cache;
    private final EventJson json;

    MarketSyncListener(MarketCache cache, EventJson json) {
        this.cache = cache;
        this.json = json;
    }

    @KafkaListener(
            id = "market-cache",
            idIsGroup = false,
            topics = Topics.MARKET,
            groupId = "${spring.application.name}-market-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = json.read(record.value());
        } catch (MalformedEventException unreadable) {
            log.warn("ignored an unreadable record on {}: {}", record.topic(), unreadable.getMessage());
            return;
        }
        if (envelope.payload() instanceof MarketSynced synced) {
            cache.invalidateAll();
            log.debug(
                    "market cache dropped: sync of {} coins ({} changed, sample {})",
                    synced.coinsSeen(),
                    synced.coinsChanged(),
                    synced.sample());
        }
    }
}
