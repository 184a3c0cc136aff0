package io.cryptotalks.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of one test: users it creates (deleted again by {@link #deleteUsers()}, because the demo accounts are only
 * created in an empty users table) and reads of the dev mailbox and the outgoing messages.
 */
public final class UsersFixtures {

    private final JdbcClient jdbc;
    private final List<UUID> users = new ArrayList<>();

    public UsersFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID user(String email, String username) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, password, username, tac) values (?, ?, 'x', ?, true)")
                .params(id, email, username)
                .update();
        users.add(id);
        return id;
    }

    public UUID user() {
        UUID id = UUID.randomUUID();
        String tag = id.toString().substring(0, 8);
        jdbc.sql("insert into users (id, email, password, username, tac) values (?, ?, 'x', ?, true)")
                .params(id, tag + "@example.com", "u" + tag)
                .update();
        users.add(id);
        return id;
    }

    public void deleteUsers() {
        users.forEach(id -> {
            jdbc.sql("delete from user_follows where follower_id = ? or followed_id = ?")
                    .params(id, id)
                    .update();
            jdbc.sql("delete from tag_follows where user_id = ?").param(id).update();
            jdbc.sql("delete from users where id = ?").param(id).update();
        });
    }

    public Optional<Mail> mailbox(String idempotencyKey) {
        return jdbc.sql("select channel, recipient, subject, body, links from dev_mailbox where idempotency_key = ?")
                .param(idempotencyKey)
                .query((rs, n) ->
                        new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of((String[])
                                rs.getArray(5).getArray())))
                .optional();
    }

    public Optional<Row> outgoing(String idempotencyKey) {
        return jdbc.sql("""
                        select recipient, body, links, attempts, last_error, sent_at is not null, failed_at is not null
                        from outgoing_messages where idempotency_key = ?
                        """)
                .param(idempotencyKey)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
                .optional();
    }

    public long count(String fromWhere, Object parameter) {
        return jdbc.sql("select count(*) from " + fromWhere)
                .param(parameter)
                .query(Long.class)
                .single();
    }

    public record Mail(String channel, String to, String subject, String text, List<String> links) {}

    public record Row(
            String to, String body, List<String> links, int attempts, String lastError, boolean sent, boolean failed) {}
}
