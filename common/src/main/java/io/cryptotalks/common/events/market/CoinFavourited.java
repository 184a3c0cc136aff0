package io.cryptotalks.common.events.market;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;
import java.util.UUID;

/** A user starred a coin. Applying it twice is one favourite. Keyed by the user, so a star and an unstar apply in order. */
@EventType(name = "coin-favourited", topic = Topics.FAVOURITES)
public record CoinFavourited(UUID userId, String coinUuid) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
