package com.omniops.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Times each append to the event store ({@code omniops.eventstore.append}): the inserts of one unit of work's
 * events, before its transaction commits (the commit's own flush is in the command timer, not here). The outcome
 * tells a lost optimistic-concurrency race ({@code conflict}: another node appended to the aggregate first; the
 * command is retried) from a failure ({@code error}). Published as a histogram, so Prometheus can give percentiles
 * over any window and across nodes.
 */
public final class TimedStorageEngine extends DelegatingStorageEngine {

    static final String APPEND = "omniops.eventstore.append";

    private final Timer ok;
    private final Timer conflict;
    private final Timer error;

    private TimedStorageEngine(EventStorageEngine delegate, MeterRegistry meters) {
        super(delegate);
        this.ok = timer(meters, "success");
        this.conflict = timer(meters, "conflict");
        this.error = timer(meters, "error");
    }

    public static EventStorageEngine timed(EventStorageEngine engine, MeterRegistry meters) {
        return new TimedStorageEngine(engine, meters);
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder(APPEND)
                .description("Appending a unit of work's events to the event store (inserts, before the commit)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        long start = System.nanoTime();
        Timer outcome = error;
        try {
            super.appendEvents(events);
            outcome = ok;
        } catch (ConcurrencyException e) {
            outcome = conflict;
            throw e;
        } finally {
            outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
