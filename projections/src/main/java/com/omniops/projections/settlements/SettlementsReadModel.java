package com.omniops.projections.settlements;

import static com.omniops.projections.jooq.Tables.SETTLEMENTS_ROW;
import static com.omniops.projections.jooq.Tables.SETTLEMENTS_SETTLEMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import com.omniops.projections.jooq.tables.records.SettlementsRowRecord;
import com.omniops.projections.jooq.tables.records.SettlementsSettlementRecord;
import com.omniops.projections.settlements.SettlementViews.DifferenceFilter;
import com.omniops.projections.settlements.SettlementViews.DifferencePage;
import com.omniops.projections.settlements.SettlementViews.Row;
import com.omniops.projections.settlements.SettlementViews.RowFilter;
import com.omniops.projections.settlements.SettlementViews.RowPage;
import com.omniops.projections.settlements.SettlementViews.Settlement;
import com.omniops.projections.settlements.SettlementViews.SettlementFilter;
import com.omniops.projections.settlements.SettlementViews.SettlementPage;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.Columns;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the settlements read model: settlements with their totals, their rows, the rows finance must look at. */
@Component
public class SettlementsReadModel {

    private static final List<String> UNMATCHED = Arrays.stream(MatchState.values()).filter(MatchState::unmatched)
            .map(Enum::name).toList();

    private final DSLContext dsl;

    public SettlementsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Optional<Settlement> find(String settlementId) {
        return dsl.selectFrom(SETTLEMENTS_SETTLEMENT).where(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(settlementId))
                .fetchOptional().map(s -> view(s, rowFigures(List.of(settlementId))));
    }

    /** Every settlement deposited in [from, to), with its figures (reconciled or not). */
    @Transactional(readOnly = true)
    public List<Settlement> depositedBetween(Instant from, Instant to) {
        var s = SETTLEMENTS_SETTLEMENT;
        List<SettlementsSettlementRecord> rows = dsl.selectFrom(s)
                .where(s.DEPOSIT_DATE.ge(Columns.utc(from)))
                .and(s.DEPOSIT_DATE.lt(Columns.utc(to)))
                .orderBy(s.DEPOSIT_DATE, s.SETTLEMENT_ID).fetch();
        Map<String, RowFigures> figures = rowFigures(rows.stream().map(SettlementsSettlementRecord::getSettlementId)
                .toList());
        return rows.stream().map(r -> view(r, figures)).toList();
    }

    /** Settlements, latest deposit first. */
    @Transactional(readOnly = true)
    public SettlementPage list(SettlementFilter filter, PageRequest page) {
        var s = SETTLEMENTS_SETTLEMENT;
        Condition where = (filter.channelId() == null ? noCondition() : s.CHANNEL_ID.eq(filter.channelId()))
                .and(filter.status() == null ? noCondition() : s.STATUS.eq(filter.status()))
                .and(filter.exception() == null ? noCondition() : s.EXCEPTION.eq(filter.exception()));
        long total = dsl.fetchCount(s, where);
        List<SettlementsSettlementRecord> rows = dsl.selectFrom(s).where(where)
                .orderBy(s.DEPOSIT_DATE.desc(), s.SETTLEMENT_ID).limit(page.size()).offset(page.offset()).fetch();
        Map<String, RowFigures> figures = rowFigures(rows.stream().map(SettlementsSettlementRecord::getSettlementId)
                .toList());
        return new SettlementPage(rows.stream().map(r -> view(r, figures)).toList(), page.page(), page.size(),
                total, page.totalPages(total));
    }

    /** Rows in file order (of one settlement) or by latest deposit, then file order (across settlements). */
    @Transactional(readOnly = true)
    public RowPage rows(RowFilter filter, PageRequest page) {
        Condition where = rowCondition(filter);
        long total = dsl.fetchCount(SETTLEMENTS_ROW.join(SETTLEMENTS_SETTLEMENT)
                .on(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(SETTLEMENTS_ROW.SETTLEMENT_ID)), where);
        List<Row> items = rowQuery(where).limit(page.size()).offset(page.offset())
                .fetch(r -> row(r.into(SETTLEMENTS_ROW)));
        return new RowPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /** Every row the filter matches, in the list's order, one at a time (for CSV exports). */
    @Transactional(readOnly = true)
    public void streamRows(RowFilter filter, Consumer<Row> each) {
        try (Stream<Record> rows = rowQuery(rowCondition(filter)).fetchSize(1_000).stream()) {
            rows.map(r -> row(r.into(SETTLEMENTS_ROW))).forEach(each);
        }
    }

    private Condition rowCondition(RowFilter filter) {
        var r = SETTLEMENTS_ROW;
        return (filter.settlementId() == null
                // across settlements: only those that count (an import still running is not yet a fact)
                ? SETTLEMENTS_SETTLEMENT.STATUS.eq("IMPORTED") : r.SETTLEMENT_ID.eq(filter.settlementId()))
                .and(filter.channelId() == null ? noCondition() : r.CHANNEL_ID.eq(filter.channelId()))
                .and(filter.matchStates().isEmpty() ? noCondition()
                        : r.MATCH_STATE.in(filter.matchStates().stream().map(Enum::name).toList()))
                .and(filter.kind() == null ? noCondition() : r.KIND.eq(filter.kind()));
    }

    private SelectLimitStep<Record> rowQuery(Condition where) {
        List<SortField<?>> order = List.of(SETTLEMENTS_SETTLEMENT.DEPOSIT_DATE.desc(),
                SETTLEMENTS_ROW.SETTLEMENT_ID.asc(), SETTLEMENTS_ROW.CHUNK.asc(), SETTLEMENTS_ROW.POSITION.asc());
        return dsl.select(SETTLEMENTS_ROW.fields()).from(SETTLEMENTS_ROW).join(SETTLEMENTS_SETTLEMENT)
                .on(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(SETTLEMENTS_ROW.SETTLEMENT_ID))
                .where(where).orderBy(order);
    }

    /** Unmatched rows of imported settlements: the state names {@link MatchState#unmatched()} are true for. */
    public static List<MatchState> unmatchedStates() {
        return UNMATCHED.stream().map(MatchState::valueOf).toList();
    }

    private record RowFigures(Map<String, Long> byState, Map<String, BigDecimal> byKind, long[] open,
                              long[] openOrders) {
        RowFigures() {
            this(new TreeMap<>(), new TreeMap<>(), new long[1], new long[1]);
        }
    }

    private Map<String, RowFigures> rowFigures(Collection<String> settlementIds) {
        Map<String, RowFigures> figures = new HashMap<>();
        if (settlementIds.isEmpty()) {
            return figures;
        }
        var r = SETTLEMENTS_ROW;
        dsl.select(r.SETTLEMENT_ID, r.MATCH_STATE, r.KIND, count(), sum(r.AMOUNT),
                        count().filterWhere(r.ACCEPTED_AT.isNull()))
                .from(r)
                .where(r.SETTLEMENT_ID.in(settlementIds))
                .groupBy(r.SETTLEMENT_ID, r.MATCH_STATE, r.KIND)
                .forEach(row -> {
                    RowFigures f = figures.computeIfAbsent(row.value1(), id -> new RowFigures());
                    f.byState().merge(row.value2(), (long) row.value4(), Long::sum);
                    f.byKind().merge(row.value3(), row.value5(), BigDecimal::add);
                    if (UNMATCHED.contains(row.value2())) {
                        f.open()[0] += row.value6();
                    }
                });
        // orders of each settlement's rows whose difference is open
        dsl.resultQuery("SELECT r.settlement_id, count(DISTINCT x2.order_id) FROM (" + OrderDifferences.QUERY
                        .replace("{0}", "'-infinity'::timestamptz") + " WHERE " + OrderDifferences.OPEN + ") x2 "
                        + "JOIN settlements_row r ON r.order_id = x2.order_id "
                        + "WHERE r.settlement_id = ANY(?::varchar[]) GROUP BY r.settlement_id",
                        (Object) settlementIds.toArray(String[]::new))
                .forEach(row -> figures.computeIfAbsent(row.get(0, String.class), id -> new RowFigures())
                        .openOrders()[0] = row.get(1, Long.class));
        return figures;
    }

    private static Settlement view(SettlementsSettlementRecord s, Map<String, RowFigures> figures) {
        RowFigures f = figures.getOrDefault(s.getSettlementId(), new RowFigures());
        Map<String, BigDecimal> byKind = new TreeMap<>();
        f.byKind().forEach((kind, amount) -> byKind.put(kind, Amounts.normalized(amount)));
        BigDecimal difference = s.getTotal().subtract(s.getRowsTotal());
        OrderDifferences.Acceptance totalAccepted = s.getTotalAcceptedAt() == null ? null
                : new OrderDifferences.Acceptance(s.getTotalAcceptedBy(), s.getTotalAcceptedReason(),
                s.getTotalAcceptedAt().toInstant(), s.getSettlementId());
        boolean reconciled = "IMPORTED".equals(s.getStatus()) && f.open()[0] == 0 && f.openOrders()[0] == 0
                && (difference.signum() == 0 || totalAccepted != null);
        return new Settlement(s.getSettlementId(), s.getChannelId(), s.getSource(), s.getReportId(),
                instant(s.getPeriodStart()), instant(s.getPeriodEnd()), instant(s.getDepositDate()), s.getCurrency(),
                Amounts.normalized(s.getTotal()), s.getRowCount(), s.getRowsRecorded(),
                Amounts.normalized(s.getRowsTotal()), Amounts.normalized(difference), s.getStatus(),
                s.getException(), reconciled, f.open()[0], f.openOrders()[0], totalAccepted, f.byState(), byKind,
                s.getFileName(), s.getImportedBy(), instant(s.getStartedAt()), instant(s.getImportedAt()));
    }

    /**
     * What is paid and not yet settled, per channel (of channels that settle) and age of the first payment
     * (docs/settlements.md "Unsettled orders by age"): an order's unsettled amount = captured − refunded − its settled
     * sales, counted when it is not zero.
     */
    @Transactional(readOnly = true)
    public List<SettlementViews.UnsettledAge> unsettledByAge(String channelId, Instant now) {
        String sql = "SELECT x2.channel_id, CASE WHEN x2.first_paid_at >= ?::timestamptz - interval '7 days' "
                + "THEN '0-7' WHEN x2.first_paid_at >= ?::timestamptz - interval '14 days' THEN '8-14' "
                + "WHEN x2.first_paid_at >= ?::timestamptz - interval '30 days' THEN '15-30' ELSE '31+' END AS age, "
                + "count(*), sum(x2.captured - x2.refunded - x2.settled_sales) FROM ("
                + OrderDifferences.QUERY.replace("{0}", "'-infinity'::timestamptz") + ") x2 "
                + "WHERE x2.captured - x2.refunded - x2.settled_sales <> 0 AND x2.first_paid_at IS NOT NULL"
                + (channelId == null ? "" : " AND x2.channel_id = ?")
                + " GROUP BY 1, 2 ORDER BY 1, min(x2.first_paid_at) DESC";
        List<Object> binds = new java.util.ArrayList<>(List.of(Columns.utc(now), Columns.utc(now), Columns.utc(now)));
        if (channelId != null) {
            binds.add(channelId);
        }
        return dsl.resultQuery(sql, binds.toArray()).fetch(r -> new SettlementViews.UnsettledAge(
                r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class),
                Amounts.normalized(r.get(3, BigDecimal.class))));
    }

    /** Orders with a difference, oldest first payment first (docs/settlements.md "Differences"). */
    @Transactional(readOnly = true)
    public DifferencePage differences(DifferenceFilter filter, PageRequest page) {
        String where = differenceWhere(filter);
        Object[] binds = differenceBinds(filter);
        String query = OrderDifferences.QUERY.replace("{0}", "?::timestamptz") + " WHERE " + where;
        long total = dsl.resultQuery("SELECT count(*) FROM (" + query + ") c", binds).fetchOne(0, Long.class);
        List<OrderDifferences.Difference> items = dsl.resultQuery(query
                        + " ORDER BY x.first_paid_at NULLS LAST, x.order_id LIMIT " + page.size() + " OFFSET "
                        + page.offset(), binds)
                .fetch(OrderDifferences::difference);
        return new DifferencePage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /** Every difference the filter matches, in the list's order, one at a time (for CSV exports). */
    @Transactional(readOnly = true)
    public void streamDifferences(DifferenceFilter filter, Consumer<OrderDifferences.Difference> each) {
        try (Stream<Record> rows = dsl.resultQuery(OrderDifferences.QUERY.replace("{0}", "?::timestamptz") + " WHERE "
                + differenceWhere(filter) + " ORDER BY x.first_paid_at NULLS LAST, x.order_id",
                differenceBinds(filter)).fetchSize(1_000).stream()) {
            rows.map(OrderDifferences::difference).forEach(each);
        }
    }

    private static String differenceWhere(DifferenceFilter filter) {
        String where = filter.includeAccepted() ? OrderDifferences.ANY : OrderDifferences.OPEN;
        if (filter.channelId() != null) {
            where += " AND x.channel_id = ?";
        }
        if (filter.type() != null) {
            where += " AND x." + switch (filter.type()) {
                case FEE_HIGHER_THAN_RECORDED -> "fee_higher";
                case FEE_LOWER_THAN_RECORDED -> "fee_lower";
                case REFUND_SETTLED_NOT_RECORDED -> "refund_not_recorded";
                case REFUND_NOT_YET_SETTLED -> "refund_not_settled";
                case SALES_DIFFERENCE -> "sales_other";
                case NOT_SETTLED -> "not_settled";
            };
        }
        return where;
    }

    private static Object[] differenceBinds(DifferenceFilter filter) {
        List<Object> binds = new java.util.ArrayList<>();
        for (int i = 0; i < OrderDifferences.CUTOFFS; i++) {
            binds.add(Columns.utc(filter.unsettledBefore()));
        }
        if (filter.channelId() != null) {
            binds.add(filter.channelId());
        }
        return binds.toArray();
    }

    private static Row row(SettlementsRowRecord r) {
        return new Row(r.getSettlementId(), r.getRowNo(), r.getChannelId(), r.getLine(), r.getKind(),
                r.getTransactionType(), r.getOrderReference(), r.getOrderId(), r.getMatchState(),
                Amounts.normalized(r.getAmount()), r.getDescription(), r.getTransactionId(), r.getSku(),
                r.getQuantity(), instant(r.getPostedAt()), r.getMatchedBy(), r.getMatchNote(),
                r.getAcceptedAt() == null ? null : new OrderDifferences.Acceptance(r.getAcceptedBy(),
                        r.getAcceptedReason(), r.getAcceptedAt().toInstant(), r.getSettlementId()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
