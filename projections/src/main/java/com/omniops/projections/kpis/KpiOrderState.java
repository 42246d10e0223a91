package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_ORDER_LINE;

import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ReturnRequested;
import com.omniops.projections.jooq.tables.records.KpiOrderLineRecord;
import com.omniops.projections.jooq.tables.records.KpiOrderRecord;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The order rows of the kpis read model as the events applied so far leave them ({@link KpisProjector}): each order's
 * facts and lines, read once for the orders of a processor batch (or of one event, event by event) and changed in
 * memory, and the day counters the events add to ({@link KpiDayCounters}); written back as the last value of each
 * changed row and one addition per counter row when the batch is flushed ({@link ProjectionWrites.WriteBehind}).
 * These tables are written only through it, and the kpis processor has one segment.
 */
final class KpiOrderState implements ProjectionWrites.WriteBehind {

    static final String ORDER = "INSERT INTO kpi_order (order_id, channel_id, placed_at, placed_day, "
            + "promised_ship_date, lines_ordered, lines_filled, units_ordered, units_filled, units_shipped, shipments, "
            + "shipments_delivered, shipped_late, cancelled, damaged, wrong_item, last_delivered_at, delivered_at, "
            + "delivered_day, last_sequence, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?) ON CONFLICT (order_id) DO UPDATE SET units_shipped = EXCLUDED.units_shipped, "
            + "shipments = EXCLUDED.shipments, shipments_delivered = EXCLUDED.shipments_delivered, "
            + "shipped_late = EXCLUDED.shipped_late, cancelled = EXCLUDED.cancelled, damaged = EXCLUDED.damaged, "
            + "wrong_item = EXCLUDED.wrong_item, last_delivered_at = EXCLUDED.last_delivered_at, "
            + "delivered_at = EXCLUDED.delivered_at, delivered_day = EXCLUDED.delivered_day, "
            + "last_sequence = EXCLUDED.last_sequence WHERE kpi_order.last_sequence < EXCLUDED.last_sequence";
    static final String LINE = "INSERT INTO kpi_order_line (order_id, line_no, shipped_day, quantity, gross) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id, line_no) DO UPDATE SET "
            + "shipped_day = EXCLUDED.shipped_day, quantity = EXCLUDED.quantity, gross = EXCLUDED.gross";

    private final Map<String, KpiOrderRecord> orders = new HashMap<>();
    /** Per order, its lines by number. */
    private final Map<String, Map<Integer, KpiOrderLineRecord>> lines = new HashMap<>();
    private final KpiDayCounters counters = new KpiDayCounters();

    // what is not written yet, by key (a jOOQ record's equality is its values')
    private final Set<String> changedOrders = new LinkedHashSet<>();
    private final Map<List<Object>, KpiOrderLineRecord> changedLines = new LinkedHashMap<>();

    private KpiOrderState() {
    }

    /** Reads the orders the events name, with their lines. */
    static KpiOrderState load(DSLContext dsl, Collection<?> payloads) {
        Set<String> orderIds = new HashSet<>();
        for (Object payload : payloads) {
            switch (payload) {
                case OrderPlaced event -> orderIds.add(event.orderId());
                case OrderShipped event -> orderIds.add(event.orderId());
                case OrderDelivered event -> orderIds.add(event.orderId());
                case OrderCancelled event -> orderIds.add(event.orderId());
                case ReturnRequested event -> orderIds.add(event.orderId());
                default -> { } // the kpis read model applies no other event to an order's rows
            }
        }
        KpiOrderState state = new KpiOrderState();
        if (!orderIds.isEmpty()) {
            dsl.selectFrom(KPI_ORDER).where(KPI_ORDER.ORDER_ID.in(orderIds))
                    .forEach(order -> state.orders.put(order.getOrderId(), order));
            dsl.selectFrom(KPI_ORDER_LINE).where(KPI_ORDER_LINE.ORDER_ID.in(orderIds)).forEach(line ->
                    state.lines.computeIfAbsent(line.getOrderId(), o -> new HashMap<>()).put(line.getLineNo(), line));
        }
        return state;
    }

    /** The order's row, or null if it is not in the read model. */
    KpiOrderRecord order(String orderId) {
        return orders.get(orderId);
    }

    void addOrder(KpiOrderRecord order) {
        orders.put(order.getOrderId(), order);
        changedOrders.add(order.getOrderId());
    }

    void orderChanged(KpiOrderRecord order) {
        changedOrders.add(order.getOrderId());
    }

    /** The order's line, or null. */
    KpiOrderLineRecord line(String orderId, int lineNo) {
        return lines.getOrDefault(orderId, Map.of()).get(lineNo);
    }

    /** Adds a line, or records that it changed. */
    void lineChanged(KpiOrderLineRecord line) {
        lines.computeIfAbsent(line.getOrderId(), o -> new HashMap<>()).put(line.getLineNo(), line);
        changedLines.put(List.of(line.getOrderId(), line.getLineNo()), line);
    }

    KpiDayCounters counters() {
        return counters;
    }

    @Override
    public List<Statement> drain() {
        List<Statement> statements = new ArrayList<>();
        for (String orderId : changedOrders) {
            KpiOrderRecord o = orders.get(orderId);
            statements.add(new Statement(ORDER, o.getOrderId(), o.getChannelId(), o.getPlacedAt(), o.getPlacedDay(),
                    or(o.getPromisedShipDate(), Types.DATE), o.getLinesOrdered(), o.getLinesFilled(),
                    o.getUnitsOrdered(), o.getUnitsFilled(), o.getUnitsShipped(), o.getShipments(),
                    o.getShipmentsDelivered(), o.getShippedLate(), o.getCancelled(), o.getDamaged(), o.getWrongItem(),
                    or(o.getLastDeliveredAt(), Types.TIMESTAMP_WITH_TIMEZONE),
                    or(o.getDeliveredAt(), Types.TIMESTAMP_WITH_TIMEZONE), or(o.getDeliveredDay(), Types.DATE),
                    o.getLastSequence(), or(o.getCurrency(), Types.VARCHAR)));
        }
        for (KpiOrderLineRecord line : changedLines.values()) {
            statements.add(new Statement(LINE, line.getOrderId(), line.getLineNo(),
                    or(line.getShippedDay(), Types.DATE), or(line.getQuantity(), Types.INTEGER),
                    or(line.getGross(), Types.NUMERIC)));
        }
        statements.addAll(counters.drain());
        changedOrders.clear();
        changedLines.clear();
        return statements;
    }

    private static Object or(Object value, int sqlType) {
        return value == null ? new Null(sqlType) : value;
    }
}
