package io.cryptotalks.gateway.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.events.EventEnvelope;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.MarketSynced;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A market-synced notice empties the cache; anything else on the topic leaves it, and nothing makes it throw. */
class MarketSyncListenerTests {

    private final EventJson json = new EventJson();
    private final MarketCache cache = new MarketCache(Duration.ofSeconds(60), 100);
    private final MarketSyncListener listener = new MarketSyncListener(cache, json);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aSyncNoticeDropsTheCache() {
        read();
        read();
        assertThat(loads).as("the second read is cached").hasValue(1);

        listener.on(record(json.write(EventEnvelope.of(new MarketSynced(100, 7, 1, false), Clock.systemUTC()))));
        read();
        assertThat(loads).hasValue(2);
    }

    @Test
    void otherAndUnreadableRecordsChangeNothing() {
        read();
        listener.on(
                record(json.write(EventEnvelope.of(new CoinFavourited(UUID.randomUUID(), "x"), Clock.systemUTC()))));
        listener.on(record("{not json"));
        listener.on(record(null));
        read();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aReadStartedBeforeTheNoticeDoesNotStoreItsOlderResultForLaterReads() {
        cache.get("list", String.class, () -> {
            cache.invalidateAll();
            return "read before the sync";
        });
        assertThat(cache.get("list", String.class, () -> "read after the sync")).isEqualTo("read after the sync");
    }

    private void read() {
        cache.get("page", Integer.class, loads::incrementAndGet);
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(Topics.MARKET, 0, 0, MarketSynced.KEY, value);
    }
}
