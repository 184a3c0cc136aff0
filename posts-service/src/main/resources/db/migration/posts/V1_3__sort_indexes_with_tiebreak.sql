-- Each list order ends with the post id as its tie-break (the gateway's ORDER BY <key>, id): indexes on exactly
-- (key, id) serve a page with no sort step, and the list's deep pages skip their offset on these indexes alone
-- (index-only), fetching just the page's rows.
drop index posts_created_at_idx;
create index posts_created_at_idx on posts (created_at desc, id desc);
drop index posts_rating_idx;
create index posts_rating_idx on posts (rating desc, id desc);
drop index posts_comments_count_idx;
create index posts_comments_count_idx on posts (comments_count desc, id desc);
drop index posts_title_idx;
create index posts_title_idx on posts (lower(title), id);
