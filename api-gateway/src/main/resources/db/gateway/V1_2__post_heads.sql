-- What the gateway decides synchronously about posts (the posts-service owns the posts themselves): the unique title
-- and slug, every slug a post ever had (old links keep resolving), and how many events it emitted per post, which the
-- read path compares with posts.applied_writes to know whether events are still on their way.
create table post_heads (
    post_id    uuid         primary key,
    user_id    uuid         not null,
    title_key  varchar(255) not null,
    slug       varchar(255) not null,
    writes     bigint       not null default 1,
    deleted_at timestamptz,
    created_at timestamptz  not null default now()
);
create unique index post_heads_title_key on post_heads (title_key) where deleted_at is null;

create table post_slugs (
    slug    varchar(255) primary key,
    post_id uuid         not null
);
create index post_slugs_post_id_idx on post_slugs (post_id);

-- the read path's overlay: the events of one post still in the outbox
create index outbox_message_key_idx on outbox (message_key, seq);
