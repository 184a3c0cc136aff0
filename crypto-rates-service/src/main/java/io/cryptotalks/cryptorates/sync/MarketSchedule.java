package io.cryptotalks.cryptorates.sync;

import io.cryptotalks.cryptorates.MarketProperties;
import io.cryptotalks.cryptorates.sample.SampleMarket;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The market job, on start and then every {@code cryptotalks.market.sync-interval} after the previous run ended, in at
 * most one instance at a time (ShedLock on the {@code shedlock} table; an instance that finds the lock taken skips
 * that turn). With a Coinranking key it syncs; without one it loads the bundled sample once per start and then does
 * nothing until the service is started with a key (a load that failed is tried again at the next turn).
 */
@Component
public class MarketSchedule {

    static final String LOCK = "market-sync";
    private static final Logger log = LoggerFactory.getLogger(MarketSchedule.class);

    private final MarketProperties properties;
    private final MarketSync sync;
    private final SampleMarket sample;
    private final AtomicBoolean sampleLoaded = new AtomicBoolean();

    MarketSchedule(MarketProperties properties, MarketSync sync, SampleMarket sample) {
        this.properties = properties;
        this.sync = sync;
        this.sample = sample;
    }

    // lockAtMostFor: only matters when an instance dies holding the lock; a run's retries are bounded well below it
    @Scheduled(
            initialDelayString = "${cryptotalks.market.first-sync-delay:PT0S}",
            fixedDelayString = "${cryptotalks.market.sync-interval:PT1H}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void refresh() {
        if (!properties.sampleMode()) {
            sync.run();
        } else if (!sampleLoaded.get() && sample.load()) {
            sampleLoaded.set(true);
            log.info("offline sample mode (no COINRANKING_API_KEY): the market stays the bundled sample");
        }
    }
}
