package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_CHANNEL;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_VALUE_DAY;
import static com.omniops.projections.jooq.Tables.KPI_COUNT_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS_ALL;
import static com.omniops.projections.jooq.Tables.KPI_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_LAYER;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.KPI_SUPPLIER_DAY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import com.omniops.projections.jooq.tables.records.KpiOrderRecord;
import com.omniops.projections.kpis.Kpis.Change;
import com.omniops.projections.kpis.Kpis.CycleTime;
import com.omniops.projections.kpis.Kpis.FillRate;
import com.omniops.projections.kpis.Kpis.Granularity;
import com.omniops.projections.kpis.Kpis.GrossMargin;
import com.omniops.projections.kpis.Kpis.InStock;
import com.omniops.projections.kpis.Kpis.InventoryAccuracy;
import com.omniops.projections.kpis.Kpis.PerfectOrder;
import com.omniops.projections.kpis.Kpis.Period;
import com.omniops.projections.kpis.Kpis.Report;
import com.omniops.projections.kpis.Kpis.ReturnRate;
import com.omniops.projections.kpis.Kpis.AgeBand;
import com.omniops.projections.kpis.Kpis.AgeBandUnits;
import com.omniops.projections.kpis.Kpis.SellThrough;
import com.omniops.projections.kpis.Kpis.StockAging;
import com.omniops.projections.kpis.Kpis.SupplierPerformance;
import com.omniops.projections.ledger.ChartOfAccounts;
import com.omniops.projections.ledger.LedgerReportViews.MarginFilter;
import com.omniops.projections.ledger.LedgerReportViews.MarginGroup;
import com.omniops.projections.ledger.LedgerReportViews.MarginSort;
import com.omniops.projections.ledger.LedgerReports;
import com.omniops.projections.ledger.Margin;
import com.omniops.projections.periods.PeriodsReadModel;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the kpis read model: the KPIs of a range of days, weeks or months ({@link Kpis} defines each figure) and the
 * orders behind them. A report sums the day rows of the periods asked for (and the one before the first, for the
 * change): its cost grows with the days asked, never with the history.
 */
@Component
public class KpisReadModel {

    /** Most periods one report answers (a bit more than a year of days). */
    public static final int MAX_PERIODS = 400;

    private final DSLContext dsl;
    private final LedgerReports ledger;
    private final PeriodsReadModel periods;
    private final ChartOfAccounts chart;
    private final Clock clock;

    public KpisReadModel(DSLContext dsl, LedgerReports ledger, PeriodsReadModel periods, ChartOfAccounts chart,
                         Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.periods = periods;
        this.chart = chart;
        this.clock = clock;
    }

    /**
     * Purchase order lines are judged on time in full once their promised date has ended (UTC): a line due today or
     * later may still arrive in time, so it is not counted yet (neither due nor on time).
     */
    private Condition judgedDue(Field<LocalDate> promised) {
        return promised.lt(LocalDate.now(clock));
    }

    /** The first day of the period {@code day} falls in. */
    public static LocalDate start(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** How many periods from the one holding {@code from} to the one holding {@code to}. */
    public static long periodsBetween(Granularity granularity, LocalDate from, LocalDate to) {
        LocalDate first = start(granularity, from);
        LocalDate last = start(granularity, to);
        return switch (granularity) {
            case DAY -> ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, last) + 1;
        };
    }

    /**
     * The KPIs of every whole period from the one holding {@code from} to the one holding {@code to}, for one channel
     * or (null) all; inventory accuracy and days to close belong to no channel and are the company's.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report report(String channelId, Granularity granularity, LocalDate from, LocalDate to) {
        LocalDate first = start(granularity, from);
        LocalDate previous = start(granularity, first.minusDays(1));
        LocalDate end = next(granularity, start(granularity, to)).minusDays(1);
        Map<LocalDate, Totals> totals = new TreeMap<>();
        Condition channel = channelId == null ? noCondition() : KPI_CHANNEL_DAY.CHANNEL_ID.eq(channelId);
        dsl.select(KPI_CHANNEL_DAY.DAY, sum(KPI_CHANNEL_DAY.ORDERS_PLACED), sum(KPI_CHANNEL_DAY.LINES_ORDERED),
                        sum(KPI_CHANNEL_DAY.LINES_FILLED), sum(KPI_CHANNEL_DAY.UNITS_ORDERED),
                        sum(KPI_CHANNEL_DAY.UNITS_FILLED), sum(KPI_CHANNEL_DAY.ORDERS_DELIVERED),
                        sum(KPI_CHANNEL_DAY.ON_TIME), sum(KPI_CHANNEL_DAY.SHIPPED_COMPLETE),
                        sum(KPI_CHANNEL_DAY.DAMAGE_FREE), sum(KPI_CHANNEL_DAY.DOCUMENTATION_ACCURATE),
                        sum(KPI_CHANNEL_DAY.PERFECT), sum(KPI_CHANNEL_DAY.CYCLE_SECONDS),
                        sum(KPI_CHANNEL_DAY.UNITS_SHIPPED), sum(KPI_CHANNEL_DAY.UNITS_RETURNED))
                .from(KPI_CHANNEL_DAY)
                .where(KPI_CHANNEL_DAY.DAY.between(previous, end), channel)
                .groupBy(KPI_CHANNEL_DAY.DAY)
                .forEach(r -> {
                    Totals t = totals.computeIfAbsent(start(granularity, r.value1()), d -> new Totals());
                    t.ordersPlaced += r.value2().longValue();
                    t.linesOrdered += r.value3().longValue();
                    t.linesFilled += r.value4().longValue();
                    t.unitsOrdered += r.value5().longValue();
                    t.unitsFilled += r.value6().longValue();
                    t.delivered += r.value7().longValue();
                    t.onTime += r.value8().longValue();
                    t.complete += r.value9().longValue();
                    t.damageFree += r.value10().longValue();
                    t.accurate += r.value11().longValue();
                    t.perfect += r.value12().longValue();
                    t.cycleSeconds += r.value13().longValue();
                    t.unitsShipped += r.value14().longValue();
                    t.unitsReturned += r.value15().longValue();
                });
        // the histogram has a row per (channel,) day and hour value: summed per period in the database, so a year
        // comes back as a few thousand rows; all channels together from their own table, a third of the rows
        var cycle = channelId == null
                ? select(periodStart(granularity, KPI_CYCLE_HOURS_ALL.DAY), KPI_CYCLE_HOURS_ALL.HOURS,
                        sum(KPI_CYCLE_HOURS_ALL.ORDERS))
                .from(KPI_CYCLE_HOURS_ALL)
                .where(KPI_CYCLE_HOURS_ALL.DAY.between(previous, end))
                .groupBy(periodStart(granularity, KPI_CYCLE_HOURS_ALL.DAY), KPI_CYCLE_HOURS_ALL.HOURS)
                : select(periodStart(granularity, KPI_CYCLE_HOURS.DAY), KPI_CYCLE_HOURS.HOURS,
                        sum(KPI_CYCLE_HOURS.ORDERS))
                .from(KPI_CYCLE_HOURS)
                .where(KPI_CYCLE_HOURS.DAY.between(previous, end), KPI_CYCLE_HOURS.CHANNEL_ID.eq(channelId))
                .groupBy(periodStart(granularity, KPI_CYCLE_HOURS.DAY), KPI_CYCLE_HOURS.HOURS);
        dsl.fetch(cycle)
                .forEach(r -> {
                    if (r.value3().intValue() != 0) {
                        totals.computeIfAbsent(start(granularity, r.value1()), d -> new Totals()).hours
                                .merge(r.value2(), r.value3().intValue(), Integer::sum);
                    }
                });
        dsl.select(KPI_COUNT_DAY.DAY, sum(KPI_COUNT_DAY.COUNTS), sum(KPI_COUNT_DAY.WITHIN_TOLERANCE))
                .from(KPI_COUNT_DAY)
                .where(KPI_COUNT_DAY.DAY.between(previous, end))
                .groupBy(KPI_COUNT_DAY.DAY)
                .forEach(r -> {
                    Totals t = totals.computeIfAbsent(start(granularity, r.value1()), d -> new Totals());
                    t.counts += r.value2().longValue();
                    t.withinTolerance += r.value3().longValue();
                });
        Condition valueChannel = channelId == null ? noCondition() : KPI_CHANNEL_VALUE_DAY.CHANNEL_ID.eq(channelId);
        dsl.select(KPI_CHANNEL_VALUE_DAY.DAY, KPI_CHANNEL_VALUE_DAY.CURRENCY, sum(KPI_CHANNEL_VALUE_DAY.VALUE_SHIPPED),
                        sum(KPI_CHANNEL_VALUE_DAY.VALUE_RETURNED))
                .from(KPI_CHANNEL_VALUE_DAY)
                .where(KPI_CHANNEL_VALUE_DAY.DAY.between(previous, end), valueChannel)
                .groupBy(KPI_CHANNEL_VALUE_DAY.DAY, KPI_CHANNEL_VALUE_DAY.CURRENCY)
                .forEach(r -> {
                    BigDecimal[] v = totals.computeIfAbsent(start(granularity, r.value1()), d -> new Totals())
                            .values.computeIfAbsent(r.value2(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    v[0] = v[0].add(r.value3());
                    v[1] = v[1].add(r.value4());
                });
        supplierDays(previous, end).forEach(r -> {
            Totals t = totals.computeIfAbsent(start(granularity, r.value1()), d -> new Totals());
            t.supplier.add(r.value2().longValue(), r.value3().longValue(), r.value4().longValue(),
                    r.value5().longValue(), r.value6().longValue());
        });
        stockDays(granularity, previous, end, totals);
        channelStockDays(channelId, granularity, previous, end, totals);
        Map<LocalDate, Margin> margins = new HashMap<>();
        // by DAY without an order or SKU filter, margins read the lines' daily totals per channel (MarginQuery)
        ledger.streamMargins(new MarginFilter(previous, end, channelId, null, null), MarginGroup.DAY, MarginSort.KEY,
                false, row -> margins.merge(start(granularity, LocalDate.parse(row.key())), row.margin(),
                        Margin::plus));

        Map<String, BigDecimal> daysToClose = granularity == Granularity.MONTH ? daysToClose() : Map.of();
        List<Period> result = new ArrayList<>();
        Period before = null;
        for (LocalDate start = previous; !start.isAfter(end); start = next(granularity, start)) {
            Totals t = totals.getOrDefault(start, new Totals());
            Margin margin = margins.get(start);
            Period period = new Period(name(granularity, start), start, next(granularity, start).minusDays(1),
                    PerfectOrder.of((int) t.delivered, (int) t.perfect, (int) t.onTime, (int) t.complete,
                            (int) t.damageFree, (int) t.accurate),
                    CycleTime.of((int) t.delivered, t.cycleSeconds, t.hours),
                    FillRate.of((int) t.ordersPlaced, t.linesOrdered, t.linesFilled, t.unitsOrdered, t.unitsFilled),
                    InventoryAccuracy.of((int) t.counts, (int) t.withinTolerance),
                    ReturnRate.of(t.unitsShipped, t.unitsReturned, t.returnValues()),
                    InStock.of(t.skuDays, t.inStockSkuDays, t.stockouts), t.supplier.performance(),
                    SellThrough.of(t.openingOnHand, t.received, t.sold),
                    margin == null ? null : GrossMargin.of(chart.companyCurrency(), margin),
                    daysToClose.get(YearMonth.from(start).toString()), null);
            if (before != null) {
                result.add(withChange(period, before));
            }
            before = period;
        }
        return new Report(channelId, granularity, first, end, result);
    }

    /** One order as the KPIs count it: the drill-down behind a period's figures. */
    public record KpiOrder(String orderId, String channelId, Instant placedAt, LocalDate promisedShipDate,
                           int linesOrdered, int linesFilled, int unitsOrdered, int unitsFilled, int shipments,
                           int shipmentsDelivered, boolean shippedLate, boolean cancelled, boolean damaged,
                           boolean wrongItem, Instant deliveredAt, Boolean onTime, Boolean shippedComplete,
                           Boolean damageFree, Boolean documentationAccurate, Boolean perfect, Long cycleSeconds) {
    }

    /** Which orders a drill-down lists: delivered in the days (the perfect order and cycle time) or placed in them. */
    public enum OrderDays { DELIVERED, PLACED }

    /** Only the orders that failed this component of the perfect order (null: all). */
    public enum Failed { ANY, ON_TIME, SHIPPED_COMPLETE, DAMAGE_FREE, DOCUMENTATION_ACCURATE, FILLED }

    public record KpiOrderPage(List<KpiOrder> items, int page, int size, long totalItems, int totalPages) {
        public KpiOrderPage {
            items = List.copyOf(items);
        }
    }

    /** The orders of a channel (or all) delivered or placed between two days, oldest first, optionally only failures. */
    @Transactional(readOnly = true)
    public KpiOrderPage orders(String channelId, OrderDays days, LocalDate from, LocalDate to, Failed failed,
                               PageRequest page) {
        var day = days == OrderDays.DELIVERED ? KPI_ORDER.DELIVERED_DAY : KPI_ORDER.PLACED_DAY;
        Condition where = day.between(from, to)
                .and(channelId == null ? noCondition() : KPI_ORDER.CHANNEL_ID.eq(channelId))
                .and(days == OrderDays.DELIVERED ? KPI_ORDER.CANCELLED.isFalse() : noCondition())
                .and(failed == null ? noCondition() : switch (failed) {
                    case ANY -> OrderDelivery.notPerfect();
                    case ON_TIME -> OrderDelivery.notOnTime();
                    case SHIPPED_COMPLETE -> OrderDelivery.notShippedComplete();
                    case DAMAGE_FREE -> OrderDelivery.notDamageFree();
                    case DOCUMENTATION_ACCURATE -> OrderDelivery.notDocumentationAccurate();
                    case FILLED -> KPI_ORDER.LINES_FILLED.lt(KPI_ORDER.LINES_ORDERED);
                });
        long total = dsl.fetchCount(KPI_ORDER, where);
        List<KpiOrder> items = dsl.selectFrom(KPI_ORDER).where(where)
                .orderBy(day, KPI_ORDER.PLACED_AT, KPI_ORDER.ORDER_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(KpisReadModel::view);
        return new KpiOrderPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static KpiOrder view(KpiOrderRecord r) {
        OrderDelivery d = OrderDelivery.of(r);
        return new KpiOrder(r.getOrderId(), r.getChannelId(), instant(r.getPlacedAt()), r.getPromisedShipDate(),
                r.getLinesOrdered(), r.getLinesFilled(), r.getUnitsOrdered(), r.getUnitsFilled(), r.getShipments(),
                r.getShipmentsDelivered(), r.getShippedLate(), r.getCancelled(), r.getDamaged(), r.getWrongItem(),
                instant(r.getDeliveredAt()), d == null ? null : d.onTime(), d == null ? null : d.shippedComplete(),
                d == null ? null : d.damageFree(), d == null ? null : d.documentationAccurate(),
                d == null ? null : d.perfect(), d == null ? null : d.cycleSeconds());
    }

    /** One supplier's figures over a range of days. */
    public record SupplierKpis(String supplierId, SupplierPerformance performance) {
    }

    /**
     * Every supplier with a line due or an order received between two days, the lowest on-time-in-full first (then
     * the latest on average, then by id); a row per supplier and day is read, never the purchase orders.
     */
    @Transactional(readOnly = true)
    public List<SupplierKpis> suppliers(LocalDate from, LocalDate to) {
        Map<String, SupplierTotals> bySupplier = new TreeMap<>();
        dsl.select(KPI_SUPPLIER_DAY.SUPPLIER_ID, sum(judged(KPI_SUPPLIER_DAY.LINES_DUE)),
                        sum(judged(KPI_SUPPLIER_DAY.LINES_ON_TIME_IN_FULL)), sum(KPI_SUPPLIER_DAY.ORDERS_RECEIVED),
                        sum(KPI_SUPPLIER_DAY.PROMISED_LEAD_DAYS), sum(KPI_SUPPLIER_DAY.ACTUAL_LEAD_DAYS))
                .from(KPI_SUPPLIER_DAY)
                .where(KPI_SUPPLIER_DAY.DAY.between(from, to))
                .groupBy(KPI_SUPPLIER_DAY.SUPPLIER_ID)
                .forEach(r -> bySupplier.computeIfAbsent(r.value1(), s -> new SupplierTotals()).add(
                        r.value2().longValue(), r.value3().longValue(), r.value4().longValue(),
                        r.value5().longValue(), r.value6().longValue()));
        return bySupplier.entrySet().stream()
                .filter(e -> e.getValue().due != 0 || e.getValue().received != 0)
                .map(e -> new SupplierKpis(e.getKey(), e.getValue().performance()))
                .sorted(Comparator.comparing((SupplierKpis k) -> k.performance().onTimeInFullRate(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(k -> k.performance().meanLateDays(),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(SupplierKpis::supplierId))
                .toList();
    }

    /** One purchase order line as the supplier KPIs count it: the drill-down behind on-time-in-full. */
    public record KpiPurchaseOrderLine(String purchaseOrderId, String supplierId, int lineNo, String sku, int ordered,
                                       Integer confirmed, int expected, int received, LocalDate promisedDate,
                                       LocalDate inFullOn, boolean onTimeInFull, LocalDate submittedOn,
                                       LocalDate receivedInFullOn) {
    }

    public record KpiPurchaseOrderLinePage(List<KpiPurchaseOrderLine> items, int page, int size, long totalItems,
                                           int totalPages) {
        public KpiPurchaseOrderLinePage {
            items = List.copyOf(items);
        }
    }

    /**
     * The purchase order lines due between two days (sent, not cancelled, expecting units; promised date ended), of
     * one supplier or all, optionally only those not received in full on time; by promised date, then order and line.
     */
    @Transactional(readOnly = true)
    public KpiPurchaseOrderLinePage purchaseOrderLines(String supplierId, LocalDate from, LocalDate to,
                                                       boolean onlyLate, PageRequest page) {
        Field<LocalDate> promised = coalesce(KPI_PURCHASE_ORDER.CONFIRMED_DATE, KPI_PURCHASE_ORDER.EXPECTED_DATE);
        Field<Integer> expected = coalesce(KPI_PURCHASE_ORDER_LINE.CONFIRMED, KPI_PURCHASE_ORDER_LINE.ORDERED);
        Condition where = promised.between(from, to)
                .and(judgedDue(promised))
                .and(KPI_PURCHASE_ORDER.SUBMITTED_DAY.isNotNull())
                .and(KPI_PURCHASE_ORDER.CANCELLED.isFalse())
                .and(expected.gt(0))
                .and(supplierId == null ? noCondition() : KPI_PURCHASE_ORDER.SUPPLIER_ID.eq(supplierId))
                .and(onlyLate ? KPI_PURCHASE_ORDER_LINE.IN_FULL_DAY.isNull()
                        .or(KPI_PURCHASE_ORDER_LINE.IN_FULL_DAY.gt(promised)) : noCondition());
        var joined = KPI_PURCHASE_ORDER_LINE.join(KPI_PURCHASE_ORDER)
                .on(KPI_PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(KPI_PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID));
        long total = dsl.fetchCount(dsl.selectOne().from(joined).where(where));
        List<KpiPurchaseOrderLine> items = dsl.select(KPI_PURCHASE_ORDER_LINE.fields())
                .select(KPI_PURCHASE_ORDER.SUPPLIER_ID, KPI_PURCHASE_ORDER.SUBMITTED_DAY,
                        KPI_PURCHASE_ORDER.RECEIVED_DAY, promised, expected)
                .from(joined)
                .where(where)
                .orderBy(promised, KPI_PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, KPI_PURCHASE_ORDER_LINE.LINE_NO)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> {
                    LocalDate promisedDate = r.get(promised);
                    LocalDate inFull = r.get(KPI_PURCHASE_ORDER_LINE.IN_FULL_DAY);
                    return new KpiPurchaseOrderLine(r.get(KPI_PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID),
                            r.get(KPI_PURCHASE_ORDER.SUPPLIER_ID), r.get(KPI_PURCHASE_ORDER_LINE.LINE_NO),
                            r.get(KPI_PURCHASE_ORDER_LINE.SKU), r.get(KPI_PURCHASE_ORDER_LINE.ORDERED),
                            r.get(KPI_PURCHASE_ORDER_LINE.CONFIRMED), r.get(expected),
                            r.get(KPI_PURCHASE_ORDER_LINE.RECEIVED), promisedDate, inFull,
                            inFull != null && !inFull.isAfter(promisedDate), r.get(KPI_PURCHASE_ORDER.SUBMITTED_DAY),
                            r.get(KPI_PURCHASE_ORDER.RECEIVED_DAY));
                });
        return new KpiPurchaseOrderLinePage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /**
     * Sell-through's figures per period: units received and sold on its days, and the on hand when it began — each
     * warehouse's on hand at the end of its last day with a row before the period (one row per warehouse read for
     * the first period, then carried forward through the days read).
     */
    private void stockDays(Granularity granularity, LocalDate from, LocalDate to, Map<LocalDate, Totals> totals) {
        Map<String, Long> onHand = new HashMap<>();
        var d = KPI_STOCK_DAY.as("d");
        dsl.select(KPI_STOCK_WAREHOUSE.WAREHOUSE_ID, field(select(d.ON_HAND_END).from(d)
                        .where(d.WAREHOUSE_ID.eq(KPI_STOCK_WAREHOUSE.WAREHOUSE_ID), d.DAY.lt(from))
                        .orderBy(d.DAY.desc()).limit(1)))
                .from(KPI_STOCK_WAREHOUSE)
                .forEach(r -> onHand.put(r.value1(), r.value2() == null ? 0L : r.value2()));
        NavigableMap<LocalDate, List<org.jooq.Record>> byDay = new TreeMap<>();
        dsl.select(KPI_STOCK_DAY.WAREHOUSE_ID, KPI_STOCK_DAY.DAY, KPI_STOCK_DAY.RECEIVED, KPI_STOCK_DAY.SOLD,
                        KPI_STOCK_DAY.ON_HAND_END)
                .from(KPI_STOCK_DAY)
                .where(KPI_STOCK_DAY.DAY.between(from, to))
                .forEach(r -> byDay.computeIfAbsent(r.get(KPI_STOCK_DAY.DAY), x -> new ArrayList<>()).add(r));
        for (LocalDate start = from; !start.isAfter(to); start = next(granularity, start)) {
            Totals t = totals.computeIfAbsent(start, x -> new Totals());
            t.openingOnHand = onHand.values().stream().mapToLong(Long::longValue).sum();
            for (List<org.jooq.Record> day : byDay.subMap(start, true, next(granularity, start), false).values()) {
                for (org.jooq.Record r : day) {
                    t.received += r.get(KPI_STOCK_DAY.RECEIVED);
                    t.sold += r.get(KPI_STOCK_DAY.SOLD);
                    onHand.put(r.get(KPI_STOCK_DAY.WAREHOUSE_ID), r.get(KPI_STOCK_DAY.ON_HAND_END));
                }
            }
        }
    }

    /**
     * In-stock SKU-days per period, up to today: each channel's SKUs listed and in stock at the end of each day, carried
     * from its last row before the first period (one row per channel) through the days read.
     */
    private void channelStockDays(String channelId, Granularity granularity, LocalDate from, LocalDate to,
                                  Map<LocalDate, Totals> totals) {
        LocalDate today = LocalDate.now(clock);
        Map<String, int[]> counts = new HashMap<>(); // channel → {listed, in stock} at the end of the day walked
        var d = KPI_CHANNEL_STOCK_DAY.as("d");
        dsl.select(KPI_CHANNEL.CHANNEL_ID,
                        field(select(d.LISTED_END).from(d).where(d.CHANNEL_ID.eq(KPI_CHANNEL.CHANNEL_ID), d.DAY.lt(from))
                                .orderBy(d.DAY.desc()).limit(1)),
                        field(select(d.IN_STOCK_END).from(d).where(d.CHANNEL_ID.eq(KPI_CHANNEL.CHANNEL_ID),
                                d.DAY.lt(from)).orderBy(d.DAY.desc()).limit(1)))
                .from(KPI_CHANNEL)
                .where(channelId == null ? noCondition() : KPI_CHANNEL.CHANNEL_ID.eq(channelId))
                .forEach(r -> counts.put(r.value1(), new int[] {r.value2() == null ? 0 : r.value2(),
                        r.value3() == null ? 0 : r.value3()}));
        Map<LocalDate, List<org.jooq.Record>> byDay = new HashMap<>();
        dsl.select(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID, KPI_CHANNEL_STOCK_DAY.DAY, KPI_CHANNEL_STOCK_DAY.LISTED_END,
                        KPI_CHANNEL_STOCK_DAY.IN_STOCK_END, KPI_CHANNEL_STOCK_DAY.STOCKOUTS)
                .from(KPI_CHANNEL_STOCK_DAY)
                .where(KPI_CHANNEL_STOCK_DAY.DAY.between(from, to),
                        channelId == null ? noCondition() : KPI_CHANNEL_STOCK_DAY.CHANNEL_ID.eq(channelId))
                .forEach(r -> byDay.computeIfAbsent(r.get(KPI_CHANNEL_STOCK_DAY.DAY), x -> new ArrayList<>()).add(r));
        for (LocalDate day = from; !day.isAfter(to) && !day.isAfter(today); day = day.plusDays(1)) {
            Totals t = totals.computeIfAbsent(start(granularity, day), x -> new Totals());
            for (org.jooq.Record r : byDay.getOrDefault(day, List.of())) {
                counts.put(r.get(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID), new int[] {r.get(KPI_CHANNEL_STOCK_DAY.LISTED_END),
                        r.get(KPI_CHANNEL_STOCK_DAY.IN_STOCK_END)});
                t.stockouts += r.get(KPI_CHANNEL_STOCK_DAY.STOCKOUTS);
            }
            for (int[] c : counts.values()) {
                t.skuDays += c[0];
                t.inStockSkuDays += c[1];
            }
        }
    }

    /**
     * The units on hand by age band as of {@code asOf}, of one warehouse or all: a sum over the current layers (one
     * row per stock item and entry still on hand), not over the history.
     */
    @Transactional(readOnly = true)
    public StockAging stockAging(String warehouseId, LocalDate asOf) {
        Map<AgeBand, Long> units = new java.util.EnumMap<>(AgeBand.class);
        // a row per day units entered on that are still on hand: at most a few hundred
        dsl.select(KPI_STOCK_LAYER.ENTERED_DAY, sum(KPI_STOCK_LAYER.QUANTITY))
                .from(KPI_STOCK_LAYER)
                .where(warehouseId == null ? noCondition() : KPI_STOCK_LAYER.WAREHOUSE_ID.eq(warehouseId))
                .groupBy(KPI_STOCK_LAYER.ENTERED_DAY)
                .forEach(r -> units.merge(AgeBand.of(Math.max(0, ChronoUnit.DAYS.between(r.value1(), asOf))),
                        r.value2().longValue(), Long::sum));
        long total = units.values().stream().mapToLong(Long::longValue).sum();
        List<AgeBandUnits> bands = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            long n = units.getOrDefault(band, 0L);
            bands.add(new AgeBandUnits(band, band.fromDays, band.toDays, n, Kpis.percent(n, total)));
        }
        return new StockAging(asOf, warehouseId, total, bands);
    }

    /** A stock item's units on hand in one age band, and the day the oldest of them entered. */
    public record AgedStock(String stockItemId, String warehouseId, String sku, long units, LocalDate oldestEntered,
                            long oldestDays) {
    }

    public record AgedStockPage(List<AgedStock> items, int page, int size, long totalItems, int totalPages) {
        public AgedStockPage {
            items = List.copyOf(items);
        }
    }

    /** The stock items with units in an age band as of {@code asOf} (the drill-down), oldest first. */
    @Transactional(readOnly = true)
    public AgedStockPage agedStock(String warehouseId, AgeBand band, LocalDate asOf, PageRequest page) {
        LocalDate enteredFrom = band.toDays == null ? null : asOf.minusDays(band.toDays);
        LocalDate enteredTo = asOf.minusDays(band.fromDays);
        Condition where = KPI_STOCK_LAYER.ENTERED_DAY.le(enteredTo)
                .and(enteredFrom == null ? noCondition() : KPI_STOCK_LAYER.ENTERED_DAY.ge(enteredFrom))
                .and(warehouseId == null ? noCondition() : KPI_STOCK_LAYER.WAREHOUSE_ID.eq(warehouseId));
        var oldest = DSL.min(KPI_STOCK_LAYER.ENTERED_DAY);
        long total = dsl.fetchCount(dsl.selectDistinct(KPI_STOCK_LAYER.STOCK_ITEM_ID).from(KPI_STOCK_LAYER)
                .where(where));
        List<AgedStock> items = dsl.select(KPI_STOCK_LAYER.STOCK_ITEM_ID, KPI_STOCK_LAYER.WAREHOUSE_ID,
                        KPI_STOCK_LAYER.SKU, sum(KPI_STOCK_LAYER.QUANTITY), oldest)
                .from(KPI_STOCK_LAYER)
                .where(where)
                .groupBy(KPI_STOCK_LAYER.STOCK_ITEM_ID, KPI_STOCK_LAYER.WAREHOUSE_ID, KPI_STOCK_LAYER.SKU)
                .orderBy(oldest, KPI_STOCK_LAYER.STOCK_ITEM_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new AgedStock(r.value1(), r.value2(), r.value3(), r.value4().longValue(), r.value5(),
                        ChronoUnit.DAYS.between(r.value5(), asOf)));
        return new AgedStockPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /** All suppliers' figures per day. */
    private Result<Record6<LocalDate, BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal>> supplierDays(
            LocalDate from, LocalDate to) {
        return dsl.select(KPI_SUPPLIER_DAY.DAY, sum(judged(KPI_SUPPLIER_DAY.LINES_DUE)),
                        sum(judged(KPI_SUPPLIER_DAY.LINES_ON_TIME_IN_FULL)), sum(KPI_SUPPLIER_DAY.ORDERS_RECEIVED),
                        sum(KPI_SUPPLIER_DAY.PROMISED_LEAD_DAYS), sum(KPI_SUPPLIER_DAY.ACTUAL_LEAD_DAYS))
                .from(KPI_SUPPLIER_DAY)
                .where(KPI_SUPPLIER_DAY.DAY.between(from, to))
                .groupBy(KPI_SUPPLIER_DAY.DAY)
                .fetch();
    }

    /** A due-lines counter of a supplier day, or 0 while the day has not ended ({@link #judgedDue}). */
    private Field<Integer> judged(Field<Integer> counter) {
        return DSL.when(judgedDue(KPI_SUPPLIER_DAY.DAY), counter).otherwise(0);
    }

    /** Days to close of every closed month (a row per month ever closed: read once per report). */
    private Map<String, BigDecimal> daysToClose() {
        Map<String, BigDecimal> closed = new HashMap<>();
        periods.list().items().stream().filter(p -> "CLOSED".equals(p.status()) && p.daysToClose() != null)
                .forEach(p -> closed.put(p.period(), p.daysToClose()));
        return closed;
    }

    private static Period withChange(Period period, Period previous) {
        return new Period(period.period(), period.from(), period.to(), period.perfectOrder(), period.cycleTime(),
                period.fillRate(), period.inventoryAccuracy(), period.returnRate(), period.inStock(),
                period.suppliers(), period.sellThrough(), period.grossMargin(),
                period.daysToClose(),
                Change.between(period, previous));
    }

    /** {@link #start} in SQL: the first day of the period a day falls in (PostgreSQL's weeks start on Monday, too). */
    private static Field<LocalDate> periodStart(Granularity granularity, Field<LocalDate> day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> field("date_trunc('week', {0})::date", LocalDate.class, day);
            case MONTH -> field("date_trunc('month', {0})::date", LocalDate.class, day);
        };
    }

    private static LocalDate next(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private static String name(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** What the days of one period add up to. */
    private static final class Totals {
        long ordersPlaced;
        long linesOrdered;
        long linesFilled;
        long unitsOrdered;
        long unitsFilled;
        long delivered;
        long onTime;
        long complete;
        long damageFree;
        long accurate;
        long perfect;
        long cycleSeconds;
        long counts;
        long withinTolerance;
        long unitsShipped;
        long unitsReturned;
        /** currency → {value shipped, value returned} of the ship cohort */
        final Map<String, BigDecimal[]> values = new TreeMap<>();
        long skuDays;
        long inStockSkuDays;
        long stockouts;
        long openingOnHand;
        long received;
        long sold;
        final SupplierTotals supplier = new SupplierTotals();
        final NavigableMap<Integer, Integer> hours = new TreeMap<>();

        List<Kpis.ReturnValue> returnValues() {
            return values.entrySet().stream()
                    .map(e -> Kpis.ReturnValue.of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        }
    }

    /** What supplier days add up to. */
    private static final class SupplierTotals {
        long due;
        long onTimeInFull;
        long received;
        long promisedDays;
        long actualDays;

        void add(long due, long onTimeInFull, long received, long promisedDays, long actualDays) {
            this.due += due;
            this.onTimeInFull += onTimeInFull;
            this.received += received;
            this.promisedDays += promisedDays;
            this.actualDays += actualDays;
        }

        SupplierPerformance performance() {
            return SupplierPerformance.of(due, onTimeInFull, received, promisedDays, actualDays);
        }
    }
}
