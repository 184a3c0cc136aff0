import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The feed scenario's data, on top of SeedPosts: AUTHORS author accounts (default 10,000) write the seeded posts in
 * turn (post g by author g mod AUTHORS), and the demo account JohnDoe (who can sign in) follows FOLLOWED of them
 * (default 500, every AUTHORS/FOLLOWED-th) and TAGS of the seeded tags (default 5), as the users-service would have
 * written it: follow rows and exact counters. Then VACUUM ANALYZE, so the per-author reads are index-only, as on a
 * database that autovacuum keeps.
 * Run: java -cp postgresql.jar bench/SeedFollows.java JDBC_URL [AUTHORS [FOLLOWED [TAGS]]]
 */
public class SeedFollows {

    private static final String READER = "8a08eaf1-c7a8-403b-b1ce-1fef8e34d000"; // JohnDoe, a demo account
    private static final String[] TAGS = {
        "defi", "nft", "mining", "trading", "wallets", "security", "layer-2", "stablecoins", "altcoins", "regulation"
    };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int authors = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int followed = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int tags = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int step = Math.max(1, authors / followed);
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.execute("""
                    insert into users (id, email, password, account_confirm, username, tac)
                    select md5('bench-author-' || a)::uuid, 'bench.author' || a || '@example.com', 'x', true,
                           'benchauthor' || a, true
                    from generate_series(0, :authors - 1) a
                    on conflict do nothing
                    """.replace(":authors", Integer.toString(authors)));
            // post g (slug bench-g) by author g mod AUTHORS: every author writes, newest to oldest, in turn
            sql.execute("""
                    update posts set user_id = md5('bench-author-' || (split_part(slug, '-', 2)::int % :authors))::uuid,
                                     username = 'benchauthor' || (split_part(slug, '-', 2)::int % :authors)
                    where slug like 'bench-%'
                    """.replace(":authors", Integer.toString(authors)));
            sql.execute(
                    "update post_heads h set user_id = p.user_id from posts p where p.id = h.post_id and p.slug like 'bench-%'");
            sql.execute("""
                    insert into user_follows (follower_id, followed_id, created_at)
                    select '%s', md5('bench-author-' || a)::uuid, now()
                    from generate_series(0, :authors - 1) a where a %% :step = 0 limit :followed
                    on conflict do nothing
                    """.formatted(READER)
                    .replace(":authors", Integer.toString(authors))
                    .replace(":step", Integer.toString(step))
                    .replace(":followed", Integer.toString(followed)));
            for (int t = 0; t < Math.min(tags, TAGS.length); t++) {
                sql.execute("insert into tag_follows (user_id, tag, created_at) values ('" + READER + "', '" + TAGS[t]
                        + "', now()) on conflict do nothing");
            }
            sql.execute("""
                    update users u set followers = (select count(*) from user_follows f where f.followed_id = u.id),
                                       following = (select count(*) from user_follows f where f.follower_id = u.id)
                    where u.id = '%s' or u.username like 'benchauthor%%'""".formatted(READER));
            sql.execute("""
                    insert into tag_followers (tag, followers)
                    select tag, count(*) from tag_follows group by tag
                    on conflict (tag) do update set followers = excluded.followers
                    """);
            sql.execute("vacuum analyze posts");
            sql.execute("analyze users; analyze user_follows; analyze tag_follows; analyze post_heads");
            System.out.printf(
                    "JohnDoe follows %d of %d authors and %d tags; seeded in %.1f s%n",
                    followed, authors, Math.min(tags, TAGS.length), (System.nanoTime() - started) / 1e9);
        }
    }
}
