-- The read-your-writes overlay of favourites (market package) reads a user's favourite events that are still in the
-- outbox on every signed-in coin read and favourites list: this keeps that lookup off a scan of the whole outbox.
create index outbox_favourite_events_idx on outbox (message_key, seq)
    where event_type in ('coin-favourited', 'coin-unfavourited');
