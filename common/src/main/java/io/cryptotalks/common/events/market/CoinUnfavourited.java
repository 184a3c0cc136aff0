package io.cryptotalks.common.events.market;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A user removed a coin from their favourites; removing one that is not there changes nothing. Keyed by the user. */
@EventType(name = "coin-unfavourited", topic = Topics.FAVOURITES)
public record CoinUnfavourited(UUID userId, String coinUuid) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
