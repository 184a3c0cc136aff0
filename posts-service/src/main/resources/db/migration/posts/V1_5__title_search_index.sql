-- A search lists posts with every word in the title first. The weighted search vector cannot find those through its
-- GIN index (weights are checked on each row, so "in the title" meant reading every post with the words anywhere):
-- the title's own vector, indexed, finds exactly them.
create index posts_title_search_idx on posts using gin (to_tsvector('simple', title));
