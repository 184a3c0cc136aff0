package io.cryptotalks.gateway.follows;

import io.cryptotalks.gateway.web.ApiError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows as the caller last asked for them: the users-service's rows and counters ({@code user_follows},
 * {@code tag_follows}, {@code users.followers/following}, {@code tag_followers}), then the caller's own follow events
 * it has not applied yet ({@link PendingFollows}), in one REPEATABLE READ snapshot. Other people's pending follows are
 * not overlaid: they show within moments, as their events apply.
 */
@Service
public class Follows {

    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final PendingFollows pending;
    private final TransactionTemplate snapshot;

    Follows(JdbcClient jdbc, PendingFollows pending, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.pending = pending;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** A user's counters and the caller's relation to them ({@code caller} null: anonymous). */
    public FollowResponses.ProfileFollows ofUser(UUID userId, UUID caller) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            int[] counters = jdbc.sql("select followers, following from users where id = :id")
                    .param("id", userId)
                    .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)})
                    .optional()
                    .orElse(new int[2]);
            if (caller == null) {
                return new FollowResponses.ProfileFollows(counters[0], counters[1], false, false);
            }
            boolean followsYou = follows(userId, caller);
            boolean followedByYou = follows(caller, userId);
            PendingFollows.Pending mine = pending.of(caller);
            Boolean asked = mine.users().get(userId);
            if (asked != null) {
                counters[0] += delta(followedByYou, asked);
                followedByYou = asked;
            }
            if (userId.equals(caller) && !mine.users().isEmpty()) {
                Set<UUID> stored = storedAmong(caller, mine.users().keySet());
                for (Map.Entry<UUID, Boolean> change : mine.users().entrySet()) {
                    counters[1] += delta(stored.contains(change.getKey()), change.getValue());
                }
            }
            return new FollowResponses.ProfileFollows(counters[0], counters[1], followsYou, followedByYou);
        }));
    }

    /** A tag's follower count and whether the caller follows it. */
    public FollowResponses.TagFollows ofTag(String tag, UUID caller) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            int followers = jdbc.sql("select followers from tag_followers where tag = :tag")
                    .param("tag", tag)
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (caller == null) {
                return new FollowResponses.TagFollows(followers, false);
            }
            boolean followedByYou = jdbc.sql(
                            "select exists (select 1 from tag_follows where user_id = :caller and tag = :tag)")
                    .param("caller", caller)
                    .param("tag", tag)
                    .query(Boolean.class)
                    .single();
            Boolean asked = pending.of(caller).tags().get(tag);
            if (asked != null) {
                followers += delta(followedByYou, asked);
                followedByYou = asked;
            }
            return new FollowResponses.TagFollows(followers, followedByYou);
        }));
    }

    /** Whom and which tags the caller follows (the feed's sources). */
    public Followed followedBy(UUID caller) {
        return Objects.requireNonNull(snapshot.execute(status -> {
            Set<UUID> users =
                    new LinkedHashSet<>(jdbc.sql("select followed_id from user_follows where follower_id = :caller")
                            .param("caller", caller)
                            .query(UUID.class)
                            .list());
            Set<String> tags = new LinkedHashSet<>(jdbc.sql("select tag from tag_follows where user_id = :caller")
                    .param("caller", caller)
                    .query(String.class)
                    .list());
            PendingFollows.Pending mine = pending.of(caller);
            mine.users().forEach((user, follows) -> apply(users, user, follows));
            mine.tags().forEach((tag, follows) -> apply(tags, tag, follows));
            return new Followed(List.copyOf(users), List.copyOf(tags));
        }));
    }

    /** The id of the user with this name (any case). */
    UUID idOf(String username) {
        return jdbc.sql("select id from users where lower(username) = lower(:username)")
                .param("username", username)
                .query(UUID.class)
                .optional()
                .orElseThrow(ApiError.USER_NOT_FOUND::exception);
    }

    /** Who follows the user, newest follow first. */
    FollowResponses.People followers(UUID userId, int page, int pageSize) {
        return people(userId, page, pageSize, "followers", "followed_id", "follower_id");
    }

    /** Whom the user follows, newest follow first. */
    FollowResponses.People following(UUID userId, int page, int pageSize) {
        return people(userId, page, pageSize, "following", "follower_id", "followed_id");
    }

    /** The column names are constants of this class, never input. */
    private FollowResponses.People people(
            UUID userId, int page, int pageSize, String counter, String whose, String other) {
        if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.BAD_REQUEST.exception("page must be 0 or more and pageSize 1 to " + MAX_PAGE_SIZE);
        }
        return Objects.requireNonNull(snapshot.execute(status -> {
            long count = jdbc.sql("select " + counter + " from users where id = :id")
                    .param("id", userId)
                    .query(Long.class)
                    .optional()
                    .orElse(0L);
            // the join leaves out accounts closed meanwhile, whose rows the users-service is about to delete
            List<FollowResponses.Person> rows = jdbc.sql("""
                            select u.username, u.photo_key is not null as is_profile_pic_present, f.created_at as followed_at
                            from user_follows f join users u on u.id = f.%s
                            where f.%s = :id order by f.created_at desc, f.%s limit :limit offset :offset
                            """.formatted(other, whose, other))
                    .param("id", userId)
                    .param("limit", pageSize)
                    .param("offset", (long) page * pageSize)
                    .query(FollowResponses.Person.class)
                    .list();
            return new FollowResponses.People(count, rows);
        }));
    }

    private boolean follows(UUID follower, UUID followed) {
        return jdbc.sql("""
                        select exists (select 1 from user_follows where follower_id = :follower and followed_id = :followed)
                        """)
                .param("follower", follower)
                .param("followed", followed)
                .query(Boolean.class)
                .single();
    }

    private Set<UUID> storedAmong(UUID caller, Set<UUID> others) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select followed_id from user_follows
                        where follower_id = :caller and followed_id = any(cast(:others as uuid[]))
                        """)
                .param("caller", caller)
                .param("others", others.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
    }

    private static int delta(boolean before, boolean after) {
        return before == after ? 0 : after ? 1 : -1;
    }

    private static <T> void apply(Set<T> set, T item, boolean follows) {
        if (follows) {
            set.add(item);
        } else {
            set.remove(item);
        }
    }

    /** The users and tags someone follows. */
    public record Followed(List<UUID> users, List<String> tags) {

        public boolean isEmpty() {
            return users.isEmpty() && tags.isEmpty();
        }
    }
}
