package io.cryptotalks.common.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of the span in progress, kept with work that runs later on another thread: an outbox
 * row (the relay hands it on as the Kafka record's header, so a worker's handling continues the request's trace) and an
 * outgoing email or SMS (its dispatcher continues the trace of the event that queued it).
 */
public class TraceParents {

    /** The header (W3C Trace Context) on the wire, in HTTP and in Kafka records alike. */
    public static final String HEADER = "traceparent";

    /** For a service or test without tracing: no row carries a trace. */
    public static final TraceParents NONE = new TraceParents(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** @return the current span's traceparent, or null outside any trace */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** @return the current trace's id, or null outside any trace */
    public String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : span.context().traceId();
    }

    /** Runs work in a new span of the trace that traceParent names (a trace of its own when it is null). */
    public void continueTrace(String traceParent, String spanName, Runnable work) {
        Span span = traceParent == null
                ? tracer.nextSpan().name(spanName).start()
                : propagator
                        .extract(Map.of(HEADER, traceParent), Map::get)
                        .name(spanName)
                        .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
