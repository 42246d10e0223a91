package com.omniops.query.audit.state;

import java.time.Instant;

/**
 * The state of one aggregate rebuilt from its events up to {@code at}: {@code version} is the sequence number of the
 * last event applied, {@code eventsApplied} how many were folded and {@code laterEvents} how many exist after the cut.
 */
public record AggregateStateAt(String aggregateId, String aggregateType, Instant at, TimeBasis basis, long version,
                               int eventsApplied, int laterEvents, Instant lastEventStoredAt, String lastEventType,
                               Object state) {
}
