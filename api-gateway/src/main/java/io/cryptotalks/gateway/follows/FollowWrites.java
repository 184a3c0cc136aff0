package io.cryptotalks.gateway.follows;

import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.follows.TagFollowed;
import io.cryptotalks.common.events.follows.TagUnfollowed;
import io.cryptotalks.common.events.follows.UserFollowed;
import io.cryptotalks.common.events.follows.UserUnfollowed;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.gateway.web.ApiError;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Following and unfollowing users and tags: the gateway checks what must be decided at once (the user exists, is not
 * the caller; the tag is well-formed, checked by the posts package), the event leaves through the outbox keyed by the
 * caller, and the users-service applies it idempotently (twice is one follow; counters exact). The caller reads the
 * change at once through {@link Follows}.
 */
@Service
public class FollowWrites {

    private final Follows follows;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    FollowWrites(Follows follows, OutboxWriter outbox, TransactionTemplate transactions) {
        this.follows = follows;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void followUser(UUID caller, String username) {
        emitForUser(caller, username, followed -> new UserFollowed(caller, followed));
    }

    void unfollowUser(UUID caller, String username) {
        emitForUser(caller, username, unfollowed -> new UserUnfollowed(caller, unfollowed));
    }

    /** @param tag a well-formed, lower-case tag */
    public void followTag(UUID caller, String tag) {
        transactions.executeWithoutResult(status -> outbox.append(new TagFollowed(caller, tag)));
    }

    /** @param tag a well-formed, lower-case tag */
    public void unfollowTag(UUID caller, String tag) {
        transactions.executeWithoutResult(status -> outbox.append(new TagUnfollowed(caller, tag)));
    }

    private void emitForUser(UUID caller, String username, Function<UUID, DomainEvent> event) {
        transactions.executeWithoutResult(status -> {
            UUID other = follows.idOf(username);
            if (other.equals(caller)) {
                throw ApiError.CANNOT_FOLLOW_YOURSELF.exception();
            }
            outbox.append(event.apply(other));
        });
    }
}
