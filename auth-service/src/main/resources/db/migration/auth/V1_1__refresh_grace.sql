-- Two tabs refreshing with the same cookie at once are not a replay: for a few seconds after a rotation the token it
-- replaced still yields the same successor (previous_token_id -> token_id) instead of revoking the session.
alter table sessions
    add column previous_token_id uuid,
    add column rotated_at        timestamptz;
create index sessions_previous_token_id_idx on sessions (previous_token_id) where previous_token_id is not null;
