package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_PERIOD;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The months the books have closed, as the stream said up to the event being posted (PeriodClosed, PeriodReopened).
 * A closed month takes no postings: an event dated in it is booked on the first day of the first open month after it
 * (docs/settlements.md "Period close"); the entry keeps its own date.
 */
final class LedgerPeriods {

    private final Set<YearMonth> closed;

    LedgerPeriods(Set<YearMonth> closed) {
        this.closed = closed;
    }

    static LedgerPeriods load(DSLContext dsl) {
        Set<YearMonth> closed = new HashSet<>();
        dsl.select(LEDGER_PERIOD.PERIOD).from(LEDGER_PERIOD).where(LEDGER_PERIOD.CLOSED.isTrue())
                .forEach(r -> closed.add(YearMonth.parse(r.value1())));
        return new LedgerPeriods(closed);
    }

    /** The date an event of {@code date} is booked on. */
    LocalDate bookingDate(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        if (!closed.contains(month)) {
            return date;
        }
        while (closed.contains(month)) {
            month = month.plusMonths(1);
        }
        return month.atDay(1);
    }

    void closed(YearMonth month) {
        closed.add(month);
    }

    void reopened(YearMonth month) {
        closed.remove(month);
    }
}
