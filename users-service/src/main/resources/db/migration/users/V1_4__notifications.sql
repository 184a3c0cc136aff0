-- Notifications (issue 10), owned by the users-service's notifications package: it consumes the posts topic besides
-- the users topic and keeps here what it needs of the posts (their authors, who commented, who was mentioned).

-- a post's author and current title/slug (a notification links to the post and shows its title)
create table notification_posts (
    post_id   uuid primary key,
    author_id uuid         not null,
    title     varchar(300) not null,
    slug      varchar(400) not null
);

-- who has commented on a post (the thread a reply notifies)
create table notification_commenters (
    post_id uuid not null,
    user_id uuid not null,
    primary key (post_id, user_id)
);

-- who a post or comment ({@code source_id}) mentioned already: an edit notifies only the newly mentioned
create table notification_mentions (
    source_id uuid not null,
    user_id   uuid not null,
    primary key (source_id, user_id)
);

-- id: a per-system sequence, newest = largest; also the Last-Event-ID of the live stream
create table notifications (
    id         bigserial primary key,
    user_id    uuid        not null,
    type       varchar(20) not null,
    -- who did it (for a batched rating: the latest voter)
    actor_id   uuid        not null,
    post_id    uuid,
    comment_id uuid,
    -- how many people a batched rating stands for
    actors     integer     not null default 1,
    read       boolean     not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index notifications_user_idx on notifications (user_id, id desc);
create index notifications_unread_idx on notifications (user_id) where not read;
-- one unread rating notification per post, updated in place ("5 people voted on your post")
create unique index notifications_open_rating_idx on notifications (user_id, post_id) where type = 'RATING' and not read;

-- the voters a batched rating notification counts, once each
create table notification_voters (
    notification_id bigint not null references notifications (id) on delete cascade,
    user_id         uuid   not null,
    primary key (notification_id, user_id)
);

-- what a user wants to hear of (no row: the defaults) and by email (mentions; comments and replies on a thread)
create table notification_preferences (
    user_id        uuid primary key,
    comments       boolean not null default true,
    replies        boolean not null default true,
    mentions       boolean not null default true,
    follows        boolean not null default true,
    ratings        boolean not null default true,
    email_mentions boolean not null default true,
    email_replies  boolean not null default true
);

-- the last email a user got about a post's thread: at most one per thread per hour
create table notification_emails (
    user_id      uuid        not null,
    post_id      uuid        not null,
    last_sent_at timestamptz not null,
    primary key (user_id, post_id)
);
