-- Tables owned by the posts-service. The original kept every comment and rating of a post in one JSONB row
-- (post_info); here they are rows, and the post carries counters, so a comment or a vote touches one small row.

create table posts (
    id             uuid         primary key,
    user_id        uuid         not null,
    username       varchar(255) not null,
    title          varchar(255) not null,
    slug           varchar(255) not null,
    content        text[]       not null,
    preview        text         not null,
    search_tags    varchar(255)[] not null default '{}',
    rating         integer      not null default 0,
    comments_count integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now()
);
create unique index posts_title_key on posts (lower(title));
create unique index posts_slug_key on posts (slug);
create index posts_user_id_idx on posts (user_id, created_at desc);
create index posts_created_at_idx on posts (created_at desc);
create index posts_search_tags_idx on posts using gin (search_tags);

create table comments (
    id         uuid         primary key,
    post_id    uuid         not null,
    user_id    uuid         not null,
    username   varchar(255) not null,
    payload    text         not null,
    rating     integer      not null default 0,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index comments_post_id_idx on comments (post_id, created_at);
create index comments_user_id_idx on comments (user_id);

-- one vote per user and post: the primary key makes toggling a single upsert or delete
create table post_ratings (
    post_id    uuid         not null,
    user_id    uuid         not null,
    username   varchar(255) not null,
    rate       char(1)      not null check (rate in ('+', '-')),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    primary key (post_id, user_id)
);
create index post_ratings_user_id_idx on post_ratings (user_id);

create table comment_ratings (
    comment_id uuid         not null,
    post_id    uuid         not null,
    user_id    uuid         not null,
    username   varchar(255) not null,
    rate       char(1)      not null check (rate in ('+', '-')),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    primary key (comment_id, user_id)
);
create index comment_ratings_post_id_idx on comment_ratings (post_id);
create index comment_ratings_user_id_idx on comment_ratings (user_id);

create table posts_processed_events (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
