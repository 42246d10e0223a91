package com.omniops.query.periods;

import static com.omniops.projections.jooq.Tables.COUNTS_COUNT;
import static com.omniops.projections.jooq.Tables.LEDGER_BALANCE_DAILY;
import static org.jooq.impl.DSL.min;

import com.omniops.projections.ledger.LedgerProjector;
import com.omniops.projections.ledger.LedgerReadModel;
import com.omniops.projections.ledger.LedgerViews.TrialBalance;
import com.omniops.projections.periods.PeriodsReadModel;
import com.omniops.projections.settlements.SettlementViews.Settlement;
import com.omniops.projections.settlements.SettlementsProjector;
import com.omniops.projections.settlements.SettlementsReadModel;
import com.omniops.query.admin.ProcessorAdmin;
import com.omniops.query.admin.ProcessorStatus;
import com.omniops.projections.support.Columns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A month's close checklist (docs/settlements.md "Period close"), evaluated on the read models that hold its figures.
 * The command side asks for it before it closes the month; finance reads it to see what is left.
 */
@Component
public class PeriodChecklistService {

    /** The items, in the order they are shown. */
    public static final List<String> ITEMS = List.of("EARLIER_PERIODS_CLOSED", "SETTLEMENTS_RECONCILED",
            "LEDGER_CAUGHT_UP", "NO_PENDING_COUNTS", "TRIAL_BALANCE_BALANCED");

    private final DSLContext dsl;
    private final PeriodsReadModel periods;
    private final SettlementsReadModel settlements;
    private final LedgerReadModel ledger;
    private final ProcessorAdmin processors;

    public PeriodChecklistService(DSLContext dsl, PeriodsReadModel periods, SettlementsReadModel settlements,
                                  LedgerReadModel ledger, ProcessorAdmin processors) {
        this.dsl = dsl;
        this.periods = periods;
        this.settlements = settlements;
        this.ledger = ledger;
        this.processors = processors;
    }

    public record Check(String name, boolean ok, String detail, List<String> items) {
        public Check {
            items = List.copyOf(items);
        }
    }

    public record Checklist(String period, boolean passed, List<Check> checks) {
        public Checklist {
            checks = List.copyOf(checks);
        }
    }

    public Checklist evaluate(YearMonth period) {
        Instant start = period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Check> checks = List.of(earlierPeriodsClosed(period), settlementsReconciled(start, end),
                caughtUp(), noPendingCounts(start, end), trialBalance(period));
        return new Checklist(period.toString(), checks.stream().allMatch(Check::ok), checks);
    }

    /** Every month before it, from the first with postings, is closed: the books close in order. */
    private Check earlierPeriodsClosed(YearMonth period) {
        LocalDate first = dsl.select(min(LEDGER_BALANCE_DAILY.BUSINESS_DATE)).from(LEDGER_BALANCE_DAILY)
                .fetchOne(0, LocalDate.class);
        Set<String> closed = periods.closed();
        List<String> open = new ArrayList<>();
        if (first != null) {
            for (YearMonth month = YearMonth.from(first); month.isBefore(period); month = month.plusMonths(1)) {
                if (!closed.contains(month.toString())) {
                    open.add(month.toString());
                }
            }
        }
        return new Check("EARLIER_PERIODS_CLOSED", open.isEmpty(), open.isEmpty() ? "every earlier month with "
                + "postings is closed" : open.size() + " earlier month(s) with postings still open", open);
    }

    /** Every settlement deposited in the month is imported and reconciled. */
    private Check settlementsReconciled(Instant start, Instant end) {
        List<Settlement> deposited = settlements.depositedBetween(start, end);
        List<String> open = deposited.stream().filter(s -> !s.reconciled())
                .map(s -> s.settlementId() + " (" + (s.status().equals("IMPORTED") ? s.unmatchedRows()
                        + " unmatched rows, " + s.openOrderDifferences() + " orders with open differences"
                        + (s.difference().signum() != 0 && s.totalAccepted() == null ? ", total differs" : "")
                        : "still importing") + ")").toList();
        return new Check("SETTLEMENTS_RECONCILED", open.isEmpty(), open.isEmpty() ? deposited.size()
                + " settlement(s) deposited in the month, all reconciled" : open.size() + " of " + deposited.size()
                + " settlement(s) deposited in the month not reconciled", open);
    }

    /** The ledger and the settlements read model have applied every stored event, none of them dead-lettered. */
    private Check caughtUp() {
        List<String> behind = new ArrayList<>();
        for (String name : List.of(LedgerProjector.PROCESSING_GROUP, SettlementsProjector.PROCESSING_GROUP)) {
            ProcessorStatus status = processors.status(name);
            if (status.replaying() || status.lag() == null || status.lag() > 0) {
                behind.add(name + ": " + (status.replaying() ? "replaying" : status.lag() + " events behind"));
            }
            if (status.deadLetters() != null && status.deadLetters().letters() > 0) {
                behind.add(name + ": " + status.deadLetters().letters() + " dead letters");
            }
        }
        return new Check("LEDGER_CAUGHT_UP", behind.isEmpty(), behind.isEmpty() ? "the ledger and the "
                + "settlements have applied every event" : String.join("; ", behind), behind);
    }

    /** No count waiting for approval was counted in the month (its adjustment would post into it). */
    private Check noPendingCounts(Instant start, Instant end) {
        List<String> pending = dsl.select(COUNTS_COUNT.COUNT_ID, COUNTS_COUNT.WAREHOUSE_ID, COUNTS_COUNT.SKU)
                .from(COUNTS_COUNT)
                .where(COUNTS_COUNT.STATUS.eq("PENDING"))
                .and(COUNTS_COUNT.COUNTED_AT.ge(Columns.utc(start)))
                .and(COUNTS_COUNT.COUNTED_AT.lt(Columns.utc(end)))
                .orderBy(COUNTS_COUNT.COUNTED_AT)
                .fetch(r -> r.value1() + " (" + r.value2() + ":" + r.value3() + ")");
        return new Check("NO_PENDING_COUNTS", pending.isEmpty(), pending.isEmpty() ? "no count of the month waits "
                + "for approval" : pending.size() + " count(s) of the month wait for approval", pending);
    }

    /** Debits equal credits in the trial balance at the month's end. */
    private Check trialBalance(YearMonth period) {
        TrialBalance balance = ledger.trialBalance(period.atEndOfMonth());
        return new Check("TRIAL_BALANCE_BALANCED", balance.balanced(), "debits "
                + balance.totalDebit().toPlainString() + ", credits " + balance.totalCredit().toPlainString()
                + " at " + period.atEndOfMonth(), List.of());
    }
}
