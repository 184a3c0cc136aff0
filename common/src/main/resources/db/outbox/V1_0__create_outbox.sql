-- The transactional outbox: rows are written in the same transaction as the change that caused them and published to
-- Kafka by the relay in seq order. Owned by the service that produces events (the gateway).
create table outbox (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(100) not null,
    envelope     text         not null,
    occurred_at  timestamptz  not null,
    published_at timestamptz
);

-- the relay's only query: unpublished rows in order
create index outbox_unpublished_idx on outbox (seq) where published_at is null;
-- the cleaner's query
create index outbox_published_at_idx on outbox (published_at) where published_at is not null;
