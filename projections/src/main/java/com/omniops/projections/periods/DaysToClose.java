package com.omniops.projections.periods;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Days to close, the one definition (docs/settlements.md "Days to close"): the instant the month was closed − the
 * month's end (the first instant after it, UTC), in days with one decimal, rounded half-up. A month reopened and
 * closed again counts from its last close: that is when its books were final.
 */
public final class DaysToClose {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private DaysToClose() {
    }

    public static BigDecimal of(Instant periodEnd, Instant closedAt) {
        return BigDecimal.valueOf(Duration.between(periodEnd, closedAt).getSeconds())
                .divide(SECONDS_PER_DAY, 1, RoundingMode.HALF_UP);
    }
}
