import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Seeds N realistic posts straight into the running stack's database (the benchmark's data set, not the API's path):
 * 1–7 paragraphs, 1–4 tags of 20, one comment and one vote per post, 5 % of titles with "Bitcoin", one post in 10,000
 * with the rare word "zeitgeist", post heads and slugs as the gateway would have written them, tag counts.
 * Run: java -cp postgresql.jar bench/SeedPosts.java JDBC_URL COUNT
 */
public class SeedPosts {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.execute("""
                    create temporary table vocabulary as select
                      array['bitcoin','ethereum','defi','nft','mining','trading','wallets','security','layer-2',
                            'stablecoins','altcoins','regulation','solana','cardano','polkadot','web3','dao','staking',
                            'exchanges','memecoins'] as tags,
                      array['block','chain','miner','wallet','token','ledger','market','price','fee','node','hash',
                            'gas','yield','pool','bridge','oracle','swap','vault','consensus','validator','halving',
                            'liquidity','custody','airdrop','rollup','sharding','slippage','arbitrage','collateral',
                            'volatility'] as words
                    """);
            sql.execute("""
                    insert into posts (id, user_id, username, title, slug, content, preview, search_tags, rating,
                                       comments_count, created_at, updated_at, applied_writes)
                    select md5('bench-post-' || g)::uuid, '8a08eaf1-c7a8-403b-b1ce-1fef8e34d000', 'JohnDoe',
                           case when g % 20 = 0 then 'Bitcoin ' else '' end || initcap(v.words[1 + g % 30]) || ' and '
                               || v.words[1 + (g * 7) % 30] || ', note ' || g,
                           'bench-' || g,
                           array(select 'The ' || v.words[1 + (g + p) % 30] || ' of the ' || v.words[1 + (g * p) % 30]
                                        || ' moves the ' || v.words[1 + (g + 3 * p) % 30] || ' while every '
                                        || v.words[1 + (g * 11 + p) % 30] || ' watches the '
                                        || v.words[1 + (g + 5 * p) % 30] || case when g % 10000 = 7 and p = 1
                                           then ' in the zeitgeist' else '' end || '.'
                                 from generate_series(1, 1 + g % 7) p),
                           'A short look at ' || v.words[1 + g % 30] || ' and ' || v.words[1 + (g * 3) % 30] || '.',
                           array(select distinct v.tags[1 + (g * t * 13) % 20] from generate_series(1, 1 + g % 4) t)::varchar[],
                           (g % 3) - 1, 1,
                           now() - make_interval(mins => g), now() - make_interval(mins => g), 3
                    from generate_series(1, :count) g, vocabulary v
                    """.replace(":count", Integer.toString(count)));
            sql.execute(
                    "update posts set search = posts_search(title, search_tags, preview, content) where slug like 'bench-%'");
            sql.execute("""
                    insert into comments (id, post_id, user_id, username, payload, rating, created_at)
                    select md5('bench-comment-' || p.id)::uuid, p.id, '186f0ff4-1444-4637-9be3-8c0abc168ba2', 'MilyKotek',
                           'Thanks, this helped with ' || p.search_tags[1] || '.', 0, p.created_at + interval '1 minute'
                    from posts p where p.slug like 'bench-%'
                    """);
            sql.execute("""
                    insert into post_ratings (post_id, user_id, username, rate)
                    select p.id, '77c93fdf-8a06-483c-8d89-2f5c71d029ed', 'TopWiedzmin1337',
                           case when p.rating < 0 then '-' else '+' end
                    from posts p where p.slug like 'bench-%' and p.rating <> 0
                    """);
            sql.execute("""
                    insert into post_heads (post_id, user_id, title_key, slug, writes)
                    select id, user_id, lower(title), slug, applied_writes from posts where slug like 'bench-%'
                    on conflict do nothing
                    """);
            sql.execute(
                    "insert into post_slugs (slug, post_id) select slug, id from posts where slug like 'bench-%' on conflict do nothing");
            sql.execute("""
                    insert into post_tags (tag, posts)
                    select tag, count(*) from posts, unnest(search_tags) tag group by tag
                    on conflict (tag) do update set posts = excluded.posts
                    """);
            sql.execute(
                    "analyze posts; analyze comments; analyze post_ratings; analyze post_heads; analyze post_slugs");
            System.out.printf("seeded %d posts in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        }
    }
}
