package com.omniops.projections.kpis;

import com.omniops.projections.support.ProjectionWrites.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kpis read model's day counters of orders ({@link KpisProjector}): what the events applied so far add to (or,
 * with a negative sign, take out of) the rows of each channel's day, summed in memory and written as one addition per
 * row when drained ({@link KpiOrderState}). A row is written once touched, even when its additions cancel out, so the
 * rows are the same whichever events were summed together.
 */
final class KpiDayCounters {

    /** The counters of {@code kpi_channel_day}, in the order of {@link #CHANNEL_DAY}'s columns. */
    enum Counter {
        ORDERS_PLACED, LINES_ORDERED, LINES_FILLED, UNITS_ORDERED, UNITS_FILLED, ORDERS_DELIVERED, ON_TIME,
        SHIPPED_COMPLETE, DAMAGE_FREE, DOCUMENTATION_ACCURATE, PERFECT, CYCLE_SECONDS, UNITS_SHIPPED, UNITS_RETURNED;

        String column() {
            return name().toLowerCase();
        }
    }

    /** The value counters of {@code kpi_channel_value_day}. */
    enum ValueCounter { VALUE_SHIPPED, VALUE_RETURNED }

    private static final Counter[] COUNTERS = Counter.values();

    static final String CHANNEL_DAY = "INSERT INTO kpi_channel_day (channel_id, day, "
            + String.join(", ", columns()) + ") VALUES (?, ?" + ", ?".repeat(COUNTERS.length) + ") "
            + "ON CONFLICT (channel_id, day) DO UPDATE SET "
            + String.join(", ", columns().stream().map(c -> c + " = kpi_channel_day." + c + " + EXCLUDED." + c)
                    .toList());
    static final String VALUE_DAY = "INSERT INTO kpi_channel_value_day (channel_id, day, currency, value_shipped, "
            + "value_returned) VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_id, day, currency) DO UPDATE SET "
            + "value_shipped = kpi_channel_value_day.value_shipped + EXCLUDED.value_shipped, "
            + "value_returned = kpi_channel_value_day.value_returned + EXCLUDED.value_returned";
    static final String CYCLE_HOURS = "INSERT INTO kpi_cycle_hours (channel_id, day, hours, orders) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (channel_id, day, hours) DO UPDATE SET "
            + "orders = kpi_cycle_hours.orders + EXCLUDED.orders";
    static final String CYCLE_HOURS_ALL = "INSERT INTO kpi_cycle_hours_all (day, hours, orders) VALUES (?, ?, ?) "
            + "ON CONFLICT (day, hours) DO UPDATE SET orders = kpi_cycle_hours_all.orders + EXCLUDED.orders";

    private record ChannelDay(String channelId, LocalDate day) {
    }

    private record ValueDay(String channelId, LocalDate day, String currency) {
    }

    private record CycleHours(String channelId, LocalDate day, int hours) {
    }

    private record AllCycleHours(LocalDate day, int hours) {
    }

    private final Map<ChannelDay, long[]> channelDays = new LinkedHashMap<>();
    private final Map<ValueDay, BigDecimal[]> valueDays = new LinkedHashMap<>();
    private final Map<CycleHours, Integer> cycleHours = new LinkedHashMap<>();
    private final Map<AllCycleHours, Integer> allCycleHours = new LinkedHashMap<>();

    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (Counter counter : Counter.values()) {
            columns.add(counter.column());
        }
        return columns;
    }

    /** An order placed on the day: its lines and units, and those reserved at placement (fill rate). */
    void placed(String channelId, LocalDate day, int lines, int filledLines, int units, int filledUnits) {
        long[] row = channelDay(channelId, day);
        row[Counter.ORDERS_PLACED.ordinal()] += 1;
        row[Counter.LINES_ORDERED.ordinal()] += lines;
        row[Counter.LINES_FILLED.ordinal()] += filledLines;
        row[Counter.UNITS_ORDERED.ordinal()] += units;
        row[Counter.UNITS_FILLED.ordinal()] += filledUnits;
    }

    /** Adds {@code units} to one ship-cohort counter of a channel's day. */
    void cohort(String channelId, LocalDate day, Counter counter, long units) {
        channelDay(channelId, day)[counter.ordinal()] += units;
    }

    /** Adds {@code value} (if known) to one ship-cohort value counter of a channel's day in a currency. */
    void cohortValue(String channelId, LocalDate day, String currency, ValueCounter counter, BigDecimal value) {
        if (value == null) {
            return;
        }
        BigDecimal[] row = valueDays.computeIfAbsent(new ValueDay(channelId, day, currency),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        row[counter.ordinal()] = row[counter.ordinal()].add(value);
    }

    /** Adds ({@code sign} 1) or takes out (−1) one order's delivery figures on its day. */
    void delivered(OrderDelivery delivery, int sign) {
        long[] row = channelDay(delivery.channelId(), delivery.day());
        row[Counter.ORDERS_DELIVERED.ordinal()] += sign;
        row[Counter.ON_TIME.ordinal()] += delivery.onTime() ? sign : 0;
        row[Counter.SHIPPED_COMPLETE.ordinal()] += delivery.shippedComplete() ? sign : 0;
        row[Counter.DAMAGE_FREE.ordinal()] += delivery.damageFree() ? sign : 0;
        row[Counter.DOCUMENTATION_ACCURATE.ordinal()] += delivery.documentationAccurate() ? sign : 0;
        row[Counter.PERFECT.ordinal()] += delivery.perfect() ? sign : 0;
        row[Counter.CYCLE_SECONDS.ordinal()] += sign * delivery.cycleSeconds();
        cycleHours.merge(new CycleHours(delivery.channelId(), delivery.day(), delivery.hours()), sign, Integer::sum);
        allCycleHours.merge(new AllCycleHours(delivery.day(), delivery.hours()), sign, Integer::sum);
    }

    private long[] channelDay(String channelId, LocalDate day) {
        return channelDays.computeIfAbsent(new ChannelDay(channelId, day), k -> new long[COUNTERS.length]);
    }

    /** One addition per touched row; afterwards nothing is pending. */
    List<Statement> drain() {
        List<Statement> statements = new ArrayList<>();
        channelDays.forEach((key, row) -> {
            Object[] binds = new Object[2 + row.length];
            binds[0] = key.channelId();
            binds[1] = key.day();
            for (int i = 0; i < row.length; i++) {
                binds[2 + i] = row[i];
            }
            statements.add(new Statement(CHANNEL_DAY, binds));
        });
        valueDays.forEach((key, row) -> statements.add(new Statement(VALUE_DAY, key.channelId(), key.day(),
                key.currency(), row[ValueCounter.VALUE_SHIPPED.ordinal()],
                row[ValueCounter.VALUE_RETURNED.ordinal()])));
        cycleHours.forEach((key, orders) -> statements.add(new Statement(CYCLE_HOURS, key.channelId(), key.day(),
                key.hours(), orders)));
        allCycleHours.forEach((key, orders) -> statements.add(new Statement(CYCLE_HOURS_ALL, key.day(), key.hours(),
                orders)));
        channelDays.clear();
        valueDays.clear();
        cycleHours.clear();
        allCycleHours.clear();
        return statements;
    }
}
