package io.cryptotalks.posts.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code post_tags}: how many posts carry each tag, exact. Changes are increments in SQL (never a count read into Java
 * and written back), rows are locked in tag order (two posts with the same tags cannot deadlock), and a tag that no
 * post carries any more is dropped. The arguments are multisets: a tag given twice counts twice.
 */
@Component
public class PostTags {

    private final JdbcClient jdbc;

    PostTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into post_tags (tag, posts)
                        select tag, count(*) from unnest(cast(? as varchar[])) as t(tag) group by tag order by tag
                        on conflict (tag) do update set posts = post_tags.posts + excluded.posts""").param(array(tags)).update();
    }

    public void remove(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        String[] removed = array(tags);
        jdbc.sql("select tag from post_tags where tag = any(cast(? as varchar[])) order by tag for update")
                .param(removed)
                .query(String.class)
                .list();
        jdbc.sql("""
                        update post_tags p set posts = p.posts - d.n
                        from (select tag, count(*) as n from unnest(cast(? as varchar[])) as t(tag) group by tag) d
                        where p.tag = d.tag""").param(removed).update();
        jdbc.sql("delete from post_tags where tag = any(cast(? as varchar[])) and posts <= 0")
                .param(removed)
                .update();
    }

    /** A post's tag set changed from {@code before} to {@code after}: only the difference is counted. */
    public void change(Collection<String> before, Collection<String> after) {
        List<String> added = new ArrayList<>(distinct(after));
        added.removeAll(distinct(before));
        List<String> removed = new ArrayList<>(distinct(before));
        removed.removeAll(distinct(after));
        remove(removed);
        add(added);
    }

    /** A post counts once per tag, however often its list repeats it. */
    public static List<String> distinct(Collection<String> tags) {
        return List.copyOf(new LinkedHashSet<>(tags));
    }

    private static String[] array(Collection<String> tags) {
        return tags.toArray(String[]::new);
    }
}
