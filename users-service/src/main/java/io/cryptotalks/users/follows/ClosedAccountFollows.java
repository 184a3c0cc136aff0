package io.cryptotalks.users.follows;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed account follows nobody and nobody follows it: its rows in both directions and its tag follows go, and
 * every counter they moved moves back (the other users' {@code followers}/{@code following}, the tags'
 * {@code followers}), in the closing's transaction. Called by the account-closing handler.
 */
@Component
public class ClosedAccountFollows {

    private final JdbcClient jdbc;

    ClosedAccountFollows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many follow rows (users and tags) were removed. */
    public int delete(UUID userId) {
        List<UUID> followed = jdbc.sql("delete from user_follows where follower_id = ? returning followed_id")
                .param(userId)
                .query(UUID.class)
                .list();
        List<UUID> followers = jdbc.sql("delete from user_follows where followed_id = ? returning follower_id")
                .param(userId)
                .query(UUID.class)
                .list();
        // one pass in PostgreSQL's uuid order (its text order), as the follow handlers lock: no deadlock with a follow
        // applied at the same time
        Map<UUID, int[]> moves = new TreeMap<>(Comparator.comparing(UUID::toString));
        followed.forEach(other -> moves.computeIfAbsent(other, id -> new int[2])[0]--);
        followers.forEach(other -> moves.computeIfAbsent(other, id -> new int[2])[1]--);
        moves.forEach((other, delta) -> jdbc.sql(
                        "update users set followers = followers + ?, following = following + ? where id = ?")
                .params(delta[0], delta[1], other)
                .update());
        List<String> tags = jdbc.sql("delete from tag_follows where user_id = ? returning tag")
                .param(userId)
                .query(String.class)
                .list();
        for (String tag : tags.stream().sorted().toList()) {
            jdbc.sql("update tag_followers set followers = followers - 1 where tag = ?")
                    .param(tag)
                    .update();
        }
        return followed.size() + followers.size() + tags.size();
    }
}
