import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * How fast the workers apply events: EVENTS post-created events (by the demo account JohnDoe) are written to the outbox
 * in one transaction, as the gateway writes them; the relay publishes them and every running instance of the posts-
 * and users-service applies them. Polls every 50 ms until the posts table and the users-service's notification_posts
 * hold them all, and prints when the outbox was published and when each worker had applied the last one.
 * Run: java -cp postgresql.jar bench/ApplyRate.java JDBC_URL EVENTS LABEL
 */
public class ApplyRate {

    private static final String AUTHOR = "8a08eaf1-c7a8-403b-b1ce-1fef8e34d000"; // JohnDoe, a demo account

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[1]);
        String marker = "applyrate-" + args[2] + "-" + System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into outbox (event_id, topic, message_key, event_type, envelope, occurred_at)
                    select e, 'cryptotalks.posts', p::text, 'post-created', json_build_object(
                        'eventId', e, 'type', 'post-created', 'aggregateId', p::text,
                        'occurredAt', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        'schemaVersion', 1,
                        'payload', json_build_object(
                            'postId', p, 'userId', ?::uuid, 'username', 'JohnDoe', 'title', ? || ' ' || g,
                            'slug', ? || '-' || g, 'content', json_build_array('Benchmark post ' || g),
                            'preview', 'Benchmark post', 'searchTags', json_build_array('bench'),
                            'cashtags', json_build_array()))::text, now()
                    from (select g, gen_random_uuid() as e, gen_random_uuid() as p
                          from generate_series(1, ?) g) s
                    """)) {
                insert.setString(1, AUTHOR);
                insert.setString(2, marker);
                insert.setString(3, marker);
                insert.setInt(4, events);
                insert.executeUpdate();
            }
            long committed = System.nanoTime();
            Long published = null, posts = null, users = null;
            while (posts == null || users == null || published == null) {
                Thread.sleep(50);
                long now = System.nanoTime();
                if (published == null && count(db, "select count(*) from outbox where published_at is null") == 0) {
                    published = now;
                }
                if (posts == null
                        && count(db, "select count(*) from posts where slug like '" + marker + "-%'") == events) {
                    posts = now;
                }
                if (users == null
                        && count(db, "select count(*) from notification_posts where slug like '" + marker + "-%'")
                                == events) {
                    users = now;
                }
            }
            System.out.printf(
                    "RESULT %d %.1f %.1f %.1f %.0f %.0f%n",
                    events,
                    (published - committed) / 1e9,
                    (posts - committed) / 1e9,
                    (users - committed) / 1e9,
                    events / ((posts - committed) / 1e9),
                    events / ((users - committed) / 1e9));
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
