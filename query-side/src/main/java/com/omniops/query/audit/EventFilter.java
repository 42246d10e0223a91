package com.omniops.query.audit;

import java.time.Instant;

/**
 * Search criteria over the stored stream; every field is optional. {@code type} is an event class name, simple
 * ({@code OrderShipped}) or qualified; {@code user} matches the metadata key {@code user}; {@code from} (inclusive) and
 * {@code to} (exclusive) bound the storage timestamp.
 */
public record EventFilter(String type, String aggregateId, String user, Instant from, Instant to) {
}
