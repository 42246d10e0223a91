package com.omniops.projections.periods;

import static com.omniops.projections.jooq.Tables.PERIODS_PERIOD;

import com.omniops.projections.jooq.tables.records.PeriodsPeriodRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the periods read model: months closed and reopened, days to close and its trend. */
@Component
public class PeriodsReadModel {

    private final DSLContext dsl;

    public PeriodsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A month as the books know it; {@code daysToClose} of its last close (null while it was never closed). */
    public record Period(String period, String status, Instant periodEnd, Instant closedAt, String closedBy,
                         List<String> checks, BigDecimal daysToClose, int timesClosed, Instant reopenedAt,
                         String reopenedBy, String reopenReason) {
    }

    /**
     * Months newest first, with days to close over the closed ones: median, top quartile (the 25th percentile: a
     * quarter of the months closed at least this fast) and mean, and the published cross-industry benchmark.
     */
    public record Periods(List<Period> items, int closedPeriods, BigDecimal medianDaysToClose,
                          BigDecimal topQuartileDaysToClose, BigDecimal meanDaysToClose,
                          Benchmark benchmark) {
        public Periods {
            items = List.copyOf(items);
        }
    }

    /** Published cross-industry survey figures (docs/settlements.md "Days to close"). */
    public record Benchmark(BigDecimal medianDaysToClose, BigDecimal topQuartileDaysToClose) {
        static final Benchmark SURVEYS = new Benchmark(new BigDecimal("6.4"), new BigDecimal("4.8"));
    }

    @Transactional(readOnly = true)
    public Optional<Period> find(String period) {
        return dsl.selectFrom(PERIODS_PERIOD).where(PERIODS_PERIOD.PERIOD.eq(period)).fetchOptional()
                .map(PeriodsReadModel::view);
    }

    /** The closed months. */
    @Transactional(readOnly = true)
    public Set<String> closed() {
        return new TreeSet<>(dsl.select(PERIODS_PERIOD.PERIOD).from(PERIODS_PERIOD)
                .where(PERIODS_PERIOD.STATUS.eq("CLOSED")).fetch(PERIODS_PERIOD.PERIOD));
    }

    @Transactional(readOnly = true)
    public Periods list() {
        List<Period> items = dsl.selectFrom(PERIODS_PERIOD).orderBy(PERIODS_PERIOD.PERIOD.desc())
                .fetch(PeriodsReadModel::view);
        BigDecimal[] days = items.stream().filter(p -> "CLOSED".equals(p.status()) && p.daysToClose() != null)
                .map(Period::daysToClose).sorted().toArray(BigDecimal[]::new);
        return new Periods(items, days.length, percentile(days, 50), percentile(days, 25), mean(days),
                Benchmark.SURVEYS);
    }

    /** The nearest-rank-interpolated percentile (linear between ranks), one decimal; null without values. */
    static BigDecimal percentile(BigDecimal[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = (sorted.length - 1) * percent / 100.0;
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        BigDecimal fraction = BigDecimal.valueOf(rank - low);
        return sorted[low].add(sorted[high].subtract(sorted[low]).multiply(fraction))
                .setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(BigDecimal[] values) {
        if (values.length == 0) {
            return null;
        }
        return Arrays.stream(values).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.length), 1, RoundingMode.HALF_UP);
    }

    private static Period view(PeriodsPeriodRecord r) {
        return new Period(r.getPeriod(), r.getStatus(), instant(r.getPeriodEnd()), instant(r.getClosedAt()),
                r.getClosedBy(), r.getChecks() == null || r.getChecks().isEmpty() ? List.of()
                : List.of(r.getChecks().split(",")), r.getDaysToClose(), r.getTimesClosed(),
                instant(r.getReopenedAt()), r.getReopenedBy(), r.getReopenReason());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
