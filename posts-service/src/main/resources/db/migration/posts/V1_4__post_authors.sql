-- The newest username of each author who renamed themselves: a rename rewrites the name on their posts, comments and
-- votes, and a post, comment or vote whose event was emitted before the rename but applied after it takes the name
-- from here rather than from its (older) event.
create table post_authors (
    user_id    uuid         primary key,
    username   varchar(255) not null,
    renamed_at timestamptz  not null
);
