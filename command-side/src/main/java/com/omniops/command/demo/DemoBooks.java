package com.omniops.command.demo;

import com.omniops.command.period.ClosePeriod;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.stock.count.RejectStockCount;
import com.omniops.support.security.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;

/**
 * Finance closes the demo's months (docs/settlements.md "Demo"): each month of the history that ended before the last
 * one closes a few days into the next, after deciding the counts still waiting for approval in it; the last ended
 * month closes at the end of the history. These closes are part of the simulated past, so they are sent as the
 * ClosePeriod command the close endpoint sends after its checklist passed; `GET /api/periods/{period}/checklist`
 * confirms each of them passes once the query side has caught up.
 */
final class DemoBooks {

    /** How long after each month's end finance closed it, in the order the months come (then the last offset). */
    private static final List<Duration> CLOSE_AFTER = List.of(Duration.ofHours(5 * 24 + 14),
            Duration.ofHours(3 * 24 + 11), Duration.ofHours(4 * 24 + 9));

    private final DemoRun run;
    private final DemoStockkeeping stockkeeping;
    int closed;

    DemoBooks(DemoRun run, DemoStockkeeping stockkeeping) {
        this.run = run;
        this.stockkeeping = stockkeeping;
    }

    /** Schedules the closes of the months ended before {@code end}; answers the next free step order. */
    long schedule(Instant firstPosting, Instant end, long sequence) {
        YearMonth last = YearMonth.from(end.atZone(ZoneOffset.UTC)).minusMonths(1);
        int n = 0;
        for (YearMonth month = YearMonth.from(firstPosting.atZone(ZoneOffset.UTC)); !month.isAfter(last);
             month = month.plusMonths(1)) {
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant at = monthEnd.plus(CLOSE_AFTER.get(Math.min(n++, CLOSE_AFTER.size() - 1)));
            if (at.isAfter(end)) {
                at = end.minus(Duration.ofMinutes(30));
            }
            YearMonth closing = month;
            run.schedule(at, sequence++, () -> run.as("finance", Role.FINANCE, () -> close(closing)));
        }
        return sequence;
    }

    private void close(YearMonth month) {
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Iterator<DemoStockkeeping.PendingCount> it = stockkeeping.pending.iterator(); it.hasNext(); ) {
            DemoStockkeeping.PendingCount count = it.next();
            if (count.countedAt().isBefore(monthEnd)) {
                try {
                    run.send(new RejectStockCount(count.stockItemId(), count.countId(), "finance",
                            "recount ordered before the month's close"));
                } catch (BusinessRuleViolation decided) {
                    // decided already
                }
                it.remove();
            }
        }
        run.send(new ClosePeriod(month, List.of("EARLIER_PERIODS_CLOSED", "SETTLEMENTS_RECONCILED",
                "LEDGER_CAUGHT_UP", "NO_PENDING_COUNTS", "TRIAL_BALANCE_BALANCED"), "finance"));
        closed++;
    }
}
