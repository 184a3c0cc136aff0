-- A post's comments are read a page at a time, oldest first with the id as tie-break (the gateway's ORDER BY
-- created_at, id): an index on exactly (post_id, created_at, id) serves a page with no sort step, and a deep page
-- skips its offset on this index alone (index-only), fetching just the page's rows. It replaces (post_id, created_at).
create index comments_post_page_idx on comments (post_id, created_at, id);
drop index comments_post_id_idx;
