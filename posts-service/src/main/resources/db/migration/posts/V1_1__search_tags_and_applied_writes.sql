-- How many of a post's events (the post's own, its comments' and its votes') this service has applied. The gateway
-- counts the events it emits per post (post_heads.writes): while the two differ, it overlays the pending events from
-- its outbox, so a post reads as its author just wrote it (read-your-writes).
alter table posts add column applied_writes bigint not null default 0;

-- Full-text search, written by the worker with every post write: title (A) outranks tags (B), preview (C), body (D).
alter table posts add column search tsvector not null default ''::tsvector;
create index posts_search_idx on posts using gin (search);

-- the list's sorts and the exact author filter
create index posts_rating_idx on posts (rating desc, created_at desc);
create index posts_comments_count_idx on posts (comments_count desc, created_at desc);
create index posts_username_idx on posts (lower(username), created_at desc);

-- tags with the number of posts that carry them (GET /api/posts/tags), kept by the worker
create table post_tags (
    tag   varchar(20) primary key,
    posts integer     not null default 0
);
