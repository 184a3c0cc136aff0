-- What this service knows of an author beyond their events (one row, only for authors who renamed or closed):
-- the newest username — a rename rewrites the name on their posts, comments and votes, and a post, comment or vote
-- emitted before the rename but applied after it takes the name from here, not from its older event — and whether
-- the account was closed, so content emitted before the closing but applied after it is not written at all.
create table post_authors (
    user_id    uuid         primary key,
    username   varchar(255),
    renamed_at timestamptz,
    closed_at  timestamptz
);
