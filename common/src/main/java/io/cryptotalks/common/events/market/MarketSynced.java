package io.cryptotalks.common.events.market;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventType;
import io.cryptotalks.common.events.Topics;

/**
 * The crypto-rates-service committed a market sync (or loaded the bundled sample): readers holding copies of coins,
 * market stats or price history refresh them. A notice, not state: the tables are the truth.
 */
@EventType(name = "market-synced", topic = Topics.MARKET)
public record MarketSynced(int coinsSeen, int coinsChanged, int coinsFailed, boolean sample) implements DomainEvent {

    /** One key, so notices stay in the order the syncs committed. */
    public static final String KEY = "market";

    @Override
    public String aggregateId() {
        return KEY;
    }
}
