-- The read-your-writes overlay of follows (follows package) reads the caller's follow events still in the outbox on
-- every signed-in profile, tag and feed read: this keeps that lookup off a scan of the whole outbox.
create index outbox_follow_events_idx on outbox (message_key, seq)
    where event_type in ('user-followed', 'user-unfollowed', 'tag-followed', 'tag-unfollowed');
