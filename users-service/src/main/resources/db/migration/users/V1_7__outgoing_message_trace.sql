-- The W3C traceparent of the event that queued the message: the dispatcher sends it in that trace, so the request that
-- caused an email or SMS and the provider call that sent it share one trace id (null: queued outside a trace).
alter table outgoing_messages add column trace_parent varchar(100);
