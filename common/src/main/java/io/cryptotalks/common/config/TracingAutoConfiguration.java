package io.cryptotalks.common.config;

import io.cryptotalks.common.tracing.TraceParents;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Carries traces across the outbox and the outgoing messages; without Micrometer Tracing, nothing is carried. */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer current = tracer.getIfAvailable();
        Propagator propagating = propagator.getIfAvailable();
        return current == null || propagating == null ? TraceParents.NONE : new TraceParents(current, propagating);
    }
}
