-- The list leaves out posts deleted here but maybe not yet in the posts-service's rows: this index holds just those
-- heads, so the check costs one tiny index read instead of a scan of every head.
create index post_heads_deleted_idx on post_heads (post_id) where deleted_at is not null;
