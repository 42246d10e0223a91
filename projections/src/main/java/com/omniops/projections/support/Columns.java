package com.omniops.projections.support;

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

    /** An optional amount (a charge, a discount) counts as zero in the NOT NULL sum columns. */
    public static BigDecimal zeroIfAbsent(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
