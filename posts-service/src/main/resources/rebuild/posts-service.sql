-- The posts-service's rebuild scope: what `./cryptotalks rebuild posts-service` (common's rebuild.Rebuild) empties,
-- in one transaction, once the consumer group is back at the earliest offsets of cryptotalks.posts and
-- cryptotalks.users; the restarted worker then applies every event again. Every table the handlers write is a
-- projection of those two topics (the gateway's post_heads and post_slugs are its own and stay). Times come from the
-- events (created_at, updated_at, renamed_at, closed_at), so the rows come back equal; with DEMO_DATA=true the demo
-- posts are written again on start, before the listeners replay.
truncate table posts, comments, post_ratings, comment_ratings, post_tags, post_cashtags, post_authors;
-- every type the posts-service applies (PostsEvents), so each applies again
delete from posts_processed_events
where event_type in ('post-created', 'post-updated', 'post-deleted', 'comment-added', 'post-rated', 'comment-rated',
                     'user-account-closed', 'user-profile-updated');
