package io.cryptotalks.cryptorates;

import io.cryptotalks.common.consumer.EventHandlers;
import io.cryptotalks.common.events.market.CoinFavourited;
import io.cryptotalks.common.events.market.CoinUnfavourited;
import io.cryptotalks.common.events.users.UserAccountClosed;
import io.cryptotalks.cryptorates.favourites.ClosedAccountFavourites;
import io.cryptotalks.cryptorates.favourites.Favourites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the crypto-rates-service applies from the topics it consumes (crypto-rates-service.yml: cryptotalks.messaging.consumes). */
@Configuration(proxyBeanMethods = false)
class CryptoEvents {

    @Bean
    EventHandlers eventHandlers(Favourites favourites, ClosedAccountFavourites closedAccount) {
        return EventHandlers.builder()
                .on(CoinFavourited.class, favourites::favourited)
                .on(CoinUnfavourited.class, favourites::unfavourited)
                .on(UserAccountClosed.class, closedAccount)
                .build();
    }
}
