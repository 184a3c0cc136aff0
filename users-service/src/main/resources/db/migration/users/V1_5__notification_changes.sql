-- The live stream's position (issue 10): every insert or change of a notification (a vote counted into a batched
-- one, read) takes the next value, so "what changed after N" is one range on (user_id, changed_seq) and a client
-- resuming with Last-Event-ID: N misses nothing, a re-counted rating included.
create sequence notification_changes;
alter table notifications add column changed_seq bigint not null default nextval('notification_changes');
create index notifications_changes_idx on notifications (user_id, changed_seq);
