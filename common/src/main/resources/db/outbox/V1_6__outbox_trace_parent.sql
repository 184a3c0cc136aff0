-- The W3C traceparent of the request that wrote the row (null outside a trace): the relay sends it as the record's
-- header, so the worker's handling joins the request's trace. Numbered after the gateway's V1_5: both folders share
-- the gateway's history table.
alter table outbox add column trace_parent varchar(100);
