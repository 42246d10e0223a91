package com.omniops.events.period;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A closed month was reopened by an admin, with the reason: events dated in it post into it again. */
@Revision("1")
public record PeriodReopened(String period, String reason, String reopenedBy, Instant reopenedAt)
        implements PeriodEvent {
}
