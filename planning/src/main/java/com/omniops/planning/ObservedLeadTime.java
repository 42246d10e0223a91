package com.omniops.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One purchase order's lead time as it turned out, the one definition the supplier KPIs and the lead time drift alert
 * share (docs/kpis.md): whole days from the UTC day the order was sent to the supplier to the date the supplier
 * promised (its last confirmation) and to the UTC day the last confirmed unit arrived.
 */
public record ObservedLeadTime(LocalDate submitted, LocalDate promised, LocalDate received) {

    public ObservedLeadTime {
        if (submitted == null || promised == null || received == null) {
            throw new IllegalArgumentException("an observed lead time needs the submitted, promised and received days");
        }
    }

    /** Days the supplier said it would take. */
    public long promisedDays() {
        return ChronoUnit.DAYS.between(submitted, promised);
    }

    /** Days it took. */
    public long actualDays() {
        return ChronoUnit.DAYS.between(submitted, received);
    }

    /** Actual − promised: positive when late, negative when early. */
    public long lateDays() {
        return actualDays() - promisedDays();
    }
}
