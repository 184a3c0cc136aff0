-- The home feed (the gateway's PostFeed) reads, per followed author, the first page of their posts after a
-- (created_at, id) cursor: an index on exactly (user_id, created_at desc, id desc) serves each of those reads as one
-- short descent with no sort, and index-only once the table is vacuumed. It also serves everything the index it
-- replaces did (an author's posts, newest first).
drop index posts_user_id_idx;
create index posts_user_created_idx on posts (user_id, created_at desc, id desc);
