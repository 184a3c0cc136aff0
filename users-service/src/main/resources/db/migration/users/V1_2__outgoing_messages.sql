-- Email and SMS waiting to leave: a handler inserts a row in the consumer's transaction, and a dispatcher sends it after
-- that transaction commits (and retries failures with back-off), so nothing leaves for an event that rolled back and a
-- redelivered event finds its row already there. idempotency_key = the event id, plus a suffix (":notice") when one
-- event sends two messages; it also travels to the provider. body and links hold live tokens and codes: they are blanked
-- once the row is final (sent, or failed for good).
create table outgoing_messages (
    id              uuid         primary key,
    idempotency_key varchar(100) not null unique,
    user_id         uuid         not null,
    channel         varchar(5)   not null check (channel in ('email', 'sms')),
    recipient       varchar(255) not null,
    subject         varchar(255),
    body            text         not null,
    links           text[]       not null default '{}',
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(500),
    sent_at         timestamptz,
    failed_at       timestamptz,
    created_at      timestamptz  not null default now()
);
-- what the dispatcher claims (FOR UPDATE SKIP LOCKED), and what closing an account deletes
create index outgoing_messages_due_idx on outgoing_messages (next_attempt_at) where sent_at is null and failed_at is null;
create index outgoing_messages_user_id_idx on outgoing_messages (user_id) where sent_at is null and failed_at is null;
