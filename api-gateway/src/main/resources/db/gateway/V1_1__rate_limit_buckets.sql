-- Bucket4j's shared token buckets (PostgreSQL advisory-lock proxy manager): every gateway instance counts against
-- the same rows, so a limit holds however many instances run. Owned by the gateway.
create table rate_limit_buckets (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expires_at_idx on rate_limit_buckets (expires_at);
