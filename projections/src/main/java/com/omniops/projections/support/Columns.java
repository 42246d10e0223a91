package com.omniops.projections.support;

import com.omniops.support.events.StreamIndex;
import org.axonframework.eventhandling.EventMessage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How event values are written to read-model columns, the same way by every projector. */
public final class Columns {

    private Columns() {
    }

    /** Instants go to {@code timestamptz} columns at UTC; an absent instant stays NULL. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The event's own position in the stream (its global index, {@link StreamIndex}): the same whether the event is
     * processed live, in a rebuild or in a verification, so a column holding it is part of what a recomputation must
     * reproduce. Not its tracking token's position, which is a later event's when this one committed late.
     */
    public static long globalIndex(EventMessage<?> message) {
        return StreamIndex.of(message).orElseThrow(() -> new IllegalStateException("event "
                + message.getIdentifier() + " has no position in the stream"));
    }

    /** An optional amount (a charge, a discount) counts as zero in the NOT NULL sum columns. */
    public static BigDecimal zeroIfAbsent(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
