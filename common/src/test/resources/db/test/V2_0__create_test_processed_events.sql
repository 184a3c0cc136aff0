create table test_processed_events (
    event_id     uuid         primary key,
    event_type   varchar(100) not null,
    processed_at timestamptz  not null default now()
);
