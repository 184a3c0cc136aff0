package io.cryptotalks.cryptorates;

import io.cryptotalks.devstack.DevStackInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with a Coinranking key, against the stub APIs: short back-offs and timeouts so failures are quick, and
 * the scheduled first run pushed out of the way so each test runs the sync itself. Every subclass shares the context.
 */
@SpringBootTest(
        classes = CryptoRatesServiceApplication.class,
        properties = {
            CryptoRatesServiceApplication.CONFIG_NAME,
            "spring.kafka.listener.auto-startup=false",
            "cryptotalks.market.coinranking.api-key=test-coinranking-key",
            "cryptotalks.market.coingecko.api-key=test-coingecko-key",
            "cryptotalks.market.first-sync-delay=PT24H",
            "cryptotalks.market.descriptions-per-sync=100",
            "cryptotalks.market.http.max-retries=2",
            "cryptotalks.market.http.initial-back-off=20ms",
            "cryptotalks.market.http.max-back-off=100ms",
            "cryptotalks.market.http.read-timeout=2s"
        })
@ContextConfiguration(initializers = DevStackInitializer.class)
public abstract class WithMarketApis {

    @DynamicPropertySource
    static void apiUrls(DynamicPropertyRegistry registry) {
        registry.add("cryptotalks.market.coinranking.api-url", MarketApis::coinrankingUrl);
        registry.add("cryptotalks.market.coingecko.api-url", MarketApis::coinGeckoUrl);
    }

    @BeforeEach
    void resetApis() {
        MarketApis.reset();
    }
}
