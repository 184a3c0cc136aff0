-- Owned by the auth-service; the gateway writes rows synchronously on sign-in, refresh and sign-out.
-- A session is one sign-in: a family of refresh tokens of which token_id is the one valid now. Access tokens carry the
-- session id (sid), so revoking the session revokes them too.
create table sessions (
    id         uuid        primary key,
    token_id   uuid        not null unique,
    user_id    uuid        not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index sessions_user_id_idx on sessions (user_id);
create index sessions_expires_at_idx on sessions (expires_at);

create table auth_processed_events (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
