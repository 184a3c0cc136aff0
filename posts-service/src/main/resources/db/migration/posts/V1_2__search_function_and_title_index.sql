-- The search vector of a post, computed by the statement that writes the post (insert or update), so it always
-- matches the row: title (A) outranks tags (B), preview (C) and body (D). 'simple' lower-cases and does not stem, so
-- coin names and tickers match as written, and a prefix query (to_tsquery('simple', 'bitc:*')) finds "bitcoin".
create function posts_search(title text, search_tags varchar[], preview text, content text[]) returns tsvector
    language sql stable parallel safe as
$$
select setweight(to_tsvector('simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple', coalesce(array_to_string(search_tags, ' '), '')), 'B')
    || setweight(to_tsvector('simple', coalesce(preview, '')), 'C')
    || setweight(to_tsvector('simple', coalesce(array_to_string(content, E'\n'), '')), 'D')
$$;

update posts set search = posts_search(title, search_tags, preview, content);

-- Title uniqueness is the gateway's decision (post_heads, among live posts). Here it cannot be a constraint: the events
-- of different posts travel on different partitions, so "A is deleted (or renamed), then B takes A's title" may arrive
-- as B's creation before A's deletion, and a unique index would turn that into a poison pill. Slugs stay unique: the
-- gateway never gives a slug twice (post_slugs keeps every slug a post ever had).
drop index posts_title_key;
create index posts_title_idx on posts (lower(title));
