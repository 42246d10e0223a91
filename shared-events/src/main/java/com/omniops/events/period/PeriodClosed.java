package com.omniops.events.period;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A month's books were closed: from now on nothing posts into it (a later event dated in it posts to the first open
 * month, flagged). {@code periodEnd} is the first instant after the month (UTC); {@code checks} the checklist items
 * that passed; days to close = closedAt − periodEnd.
 */
@Revision("1")
public record PeriodClosed(String period, Instant periodEnd, List<String> checks, String closedBy, Instant closedAt)
        implements PeriodEvent {
    public PeriodClosed {
        checks = List.copyOf(checks);
    }
}
