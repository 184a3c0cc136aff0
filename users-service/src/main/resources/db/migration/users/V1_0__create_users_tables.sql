-- Tables owned by the users-service. The gateway writes some rows synchronously (see users-service/README.md).

create table users (
    id               uuid         primary key,
    email            varchar(255) not null,
    password         varchar(255) not null,
    account_confirm  boolean      not null default false,
    first_name       varchar(255),
    last_name        varchar(255),
    username         varchar(255) not null,
    twitter          varchar(255),
    linked_in        varchar(255),
    personal_website varchar(255),
    title            varchar(255),
    bio              varchar(1000),
    tac              boolean      not null,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
-- email and username are unique whatever their case, and every lookup goes through these indexes
create unique index users_email_key on users (lower(email));
create unique index users_username_key on users (lower(username));

create table user_settings (
    id                           uuid         primary key,
    user_id                      uuid         not null unique,
    public_email                 boolean      not null default false,
    email_changed                boolean      not null default false,
    two_fa_token                 varchar(255),
    phone                        varchar(255),
    phone_verification_code      varchar(255),
    verification_code_created_at timestamptz,
    password_changed             timestamptz,
    created_at                   timestamptz  not null default now(),
    updated_at                   timestamptz  not null default now()
);
create index user_settings_phone_idx on user_settings (phone) where phone is not null;

-- confirmation_hash holds the SHA-256 (hex) of the token that was sent, never the token itself
create table confirmation_hashes (
    id                uuid         primary key,
    confirmation_hash varchar(64)  not null unique,
    confirmed         boolean      not null default false,
    confirmation_type varchar(20)  not null
        check (confirmation_type in ('EMAIL_CHANGE', 'REGISTRATION', 'FORGOT_PASSWORD')),
    changing_email    varchar(255),
    user_id           uuid         not null,
    expires_at        timestamptz  not null,
    confirmed_at      timestamptz,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
create index confirmation_hashes_user_id_idx on confirmation_hashes (user_id, confirmation_type);

-- email and SMS that were not sent because no provider is configured (development); idempotency_key = event id
create table dev_mailbox (
    id              uuid         primary key,
    idempotency_key varchar(100) not null unique,
    channel         varchar(5)   not null check (channel in ('email', 'sms')),
    recipient       varchar(255) not null,
    subject         varchar(255),
    body            text         not null,
    links           text[]       not null default '{}',
    created_at      timestamptz  not null default now()
);
create index dev_mailbox_created_at_idx on dev_mailbox (created_at desc);

create table users_processed_events (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
