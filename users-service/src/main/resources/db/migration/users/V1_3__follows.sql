-- Follows (issue 10), owned here: every follow event is a fact of the follower, a user, and travels on the users
-- topic keyed by the follower, so one user's follows, unfollows and account closing apply in order.

-- who follows whom; one row per pair, so a second follow is no second row
create table user_follows (
    follower_id uuid        not null,
    followed_id uuid        not null,
    created_at  timestamptz not null,
    primary key (follower_id, followed_id)
);
-- a user's followers, newest first (the list); the primary key serves "following" lookups and the feed's author set
create index user_follows_followed_idx on user_follows (followed_id, created_at desc, follower_id);
create index user_follows_follower_created_idx on user_follows (follower_id, created_at desc, followed_id);

-- the counters a profile shows, moved in the transaction that adds or removes a user_follows row (exact)
alter table users add column followers integer not null default 0;
alter table users add column following integer not null default 0;

create table tag_follows (
    user_id    uuid        not null,
    tag        varchar(20) not null,
    created_at timestamptz not null,
    primary key (user_id, tag)
);
create index tag_follows_tag_idx on tag_follows (tag);

-- a tag's follower count (a tag page), moved with its tag_follows rows
create table tag_followers (
    tag       varchar(20) primary key,
    followers integer     not null default 0
);
