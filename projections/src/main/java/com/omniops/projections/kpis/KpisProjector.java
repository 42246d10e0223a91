package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_CHANNEL;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_VALUE_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.KPI_COUNT;
import static com.omniops.projections.jooq.Tables.KPI_COUNT_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS_ALL;
import static com.omniops.projections.jooq.Tables.KPI_LISTING;
import static com.omniops.projections.jooq.Tables.KPI_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.KPI_SKU_STOCK;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_LAYER;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.KPI_SUPPLIER_DAY;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderEvent;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockItemEvents;
import com.omniops.projections.jooq.tables.records.KpiOrderLineRecord;
import com.omniops.projections.jooq.tables.records.KpiOrderRecord;
import com.omniops.projections.kpis.KpiDayCounters.Counter;
import com.omniops.projections.kpis.KpiDayCounters.ValueCounter;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "kpis" (docs/kpis.md): counters per channel and UTC day from which every order KPI of a period is a sum
 * over its days, and per order the facts they come from (the drill-down).
 * <p>
 * Placement figures (fill rate) count on the day the order was placed and never change. Delivery figures (perfect
 * order components, cycle time) count on the day the order's last shipment was delivered ({@link OrderDelivery});
 * when a later event changes what an order counts for (a return naming damage, a cancellation), its old contribution
 * is taken out of its day and the new one put in. The order's row keeps the sequence number of the last event applied
 * (a replayed event changes nothing). Purchase orders count the same way for their supplier's days
 * ({@link SupplierDelivery}, {@link PurchaseOrderRows}). One segment (query-side.yml): the day rows are shared by all
 * orders.
 */
@Component
@ProcessingGroup(KpisProjector.PROCESSING_GROUP)
public class KpisProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "kpis";

    /** This read model's one declaration: its tables (cleared together) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, KpisProjector::new, KPI_ORDER,
            KPI_ORDER_LINE, KPI_CHANNEL_DAY, KPI_CHANNEL_VALUE_DAY, KPI_CYCLE_HOURS, KPI_CYCLE_HOURS_ALL, KPI_COUNT, KPI_COUNT_DAY,
            KPI_PURCHASE_ORDER, KPI_PURCHASE_ORDER_LINE, KPI_SUPPLIER_DAY, KPI_STOCK_ITEM, KPI_STOCK_LAYER,
            KPI_STOCK_WAREHOUSE, KPI_STOCK_DAY, KPI_CHANNEL, KPI_CHANNEL_WAREHOUSE, KPI_LISTING, KPI_SKU_STOCK,
            KPI_CHANNEL_STOCK_DAY);

    /** The batch state of the stock and in-stock rows ({@link KpiStockState}). */
    private static final String STOCK_STATE = "kpis-stock";
    /** The batch state of the order rows and their day counters ({@link KpiOrderState}). */
    private static final String ORDER_STATE = "kpis-orders";

    private final DSLContext dsl;
    private final Savepoints isolated;
    private final PurchaseOrderRows purchaseOrders;
    private final ProjectionWrites writes;

    public KpisProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
        this.purchaseOrders = new PurchaseOrderRows(dsl);
        this.writes = new ProjectionWrites(dsl, isolated);
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long seq) {
        Map<Integer, Integer> reserved = new HashMap<>();
        for (LineAllocation allocation : event.allocations()) {
            reserved.merge(allocation.lineNo(), allocation.quantity(), Integer::sum);
        }
        int linesFilled = 0;
        int unitsOrdered = 0;
        int unitsFilled = 0;
        for (OrderLine line : event.lines()) {
            int filled = Math.min(line.quantity(), reserved.getOrDefault(line.lineNo(), 0));
            unitsOrdered += line.quantity();
            unitsFilled += filled;
            linesFilled += filled == line.quantity() ? 1 : 0;
        }
        LocalDate day = day(event.placedAt());
        int lines = event.lines().size();
        int units = unitsOrdered;
        int filledLines = linesFilled;
        int filledUnits = unitsFilled;
        orders(event, state -> {
            if (state.order(event.orderId()) != null) {
                return; // placed already
            }
            KpiOrderRecord order = new KpiOrderRecord();
            order.setOrderId(event.orderId());
            order.setChannelId(event.channelId());
            order.setPlacedAt(utc(event.placedAt()));
            order.setPlacedDay(day);
            order.setPromisedShipDate(event.promisedShipDate());
            order.setLinesOrdered(lines);
            order.setLinesFilled(filledLines);
            order.setUnitsOrdered(units);
            order.setUnitsFilled(filledUnits);
            order.setUnitsShipped(0);
            order.setShipments(0);
            order.setShipmentsDelivered(0);
            order.setShippedLate(false);
            order.setCancelled(false);
            order.setDamaged(false);
            order.setWrongItem(false);
            order.setLastSequence(seq);
            order.setCurrency(event.currency());
            state.addOrder(order);
            state.counters().placed(event.channelId(), day, lines, filledLines, units, filledUnits);
            // each line's units and gross: its shipments and returns are valued as shares of it
            for (OrderLine line : event.lines()) {
                KpiOrderLineRecord row = new KpiOrderLineRecord();
                row.setOrderId(event.orderId());
                row.setLineNo(line.lineNo());
                row.setQuantity(line.quantity());
                row.setGross(OrderAmounts.line(line, event.pricesIncludeTax()).gross());
                state.lineChanged(row);
            }
        });
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long seq) {
        int units = event.lines().stream().mapToInt(ShippedLine::quantity).sum();
        LocalDate shipped = day(event.shippedAt());
        orders(event, state -> change(state, event.orderId(), seq, order -> {
            order.setShipments(order.getShipments() + 1);
            order.setUnitsShipped(order.getUnitsShipped() + units);
            if (order.getPromisedShipDate() != null && shipped.isAfter(order.getPromisedShipDate())) {
                order.setShippedLate(true);
            }
            markDeliveredWhenComplete(order);
        }, order -> {
            // the ship cohort: these units and their value, and the day each line last shipped for its returns to
            // count against
            for (ShippedLine line : event.lines()) {
                KpiOrderLineRecord row = state.line(event.orderId(), line.lineNo());
                if (row == null) {
                    // an order placed before the lines were kept at placement: its value is unknown
                    row = new KpiOrderLineRecord();
                    row.setOrderId(event.orderId());
                    row.setLineNo(line.lineNo());
                }
                row.setShippedDay(shipped);
                state.lineChanged(row);
                state.counters().cohortValue(order.getChannelId(), shipped, order.getCurrency(),
                        ValueCounter.VALUE_SHIPPED, value(row, line.quantity(), order.getCurrency()));
            }
            state.counters().cohort(order.getChannelId(), shipped, Counter.UNITS_SHIPPED, units);
        }));
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long seq) {
        orders(event, state -> change(state, event.orderId(), seq, order -> {
            order.setShipmentsDelivered(order.getShipmentsDelivered() + 1);
            if (order.getLastDeliveredAt() == null || utc(event.deliveredAt()).isAfter(order.getLastDeliveredAt())) {
                order.setLastDeliveredAt(utc(event.deliveredAt()));
            }
            markDeliveredWhenComplete(order);
        }, order -> { }));
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long seq) {
        orders(event, state -> change(state, event.orderId(), seq, order -> order.setCancelled(true), order -> { }));
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber long seq) {
        boolean damaged = event.lines().stream().map(ReturnLine::reason)
                .anyMatch(r -> r == ReturnReason.DAMAGED || r == ReturnReason.DEFECTIVE);
        boolean wrongItem = event.lines().stream().map(ReturnLine::reason).anyMatch(r -> r == ReturnReason.WRONG_ITEM);
        orders(event, state -> {
            // every returned line must have shipped: checked before anything changes
            KpiOrderRecord known = existing(state, event.orderId());
            if (known.getLastSequence() < seq) {
                for (ReturnLine line : event.lines()) {
                    KpiOrderLineRecord row = state.line(event.orderId(), line.lineNo());
                    if (row == null || row.getShippedDay() == null) {
                        throw new IllegalStateException("Order " + event.orderId() + " returns line " + line.lineNo()
                                + ", which the kpis read model never saw shipped");
                    }
                }
            }
            change(state, event.orderId(), seq, order -> {
                order.setDamaged(order.getDamaged() || damaged);
                order.setWrongItem(order.getWrongItem() || wrongItem);
            }, order -> {
                for (ReturnLine line : event.lines()) {
                    KpiOrderLineRecord row = state.line(event.orderId(), line.lineNo());
                    state.counters().cohort(order.getChannelId(), row.getShippedDay(), Counter.UNITS_RETURNED,
                            line.quantity());
                    state.counters().cohortValue(order.getChannelId(), row.getShippedDay(), order.getCurrency(),
                            ValueCounter.VALUE_RETURNED, value(row, line.quantity(), order.getCurrency()));
                }
            });
        });
    }

    /**
     * Every stock event moves (or keeps) the item's on hand: sell-through and stock aging ({@link StockRows}) and the
     * in-stock rate ({@link InStockRows}); a count is also inventory accuracy. One handler for the sealed interface, so
     * no stock event type can be left out.
     */
    @EventHandler
    void on(StockItemEvent event, @SequenceNumber long seq) {
        LocalDate day = day(StockItemEvents.occurredAt(event));
        if (event instanceof StockCounted counted) {
            isolated.run(() -> counted(counted));
        }
        stock(event, state -> {
            if (StockRows.moved(state, event, seq, day)) {
                InStockRows.stockChanged(state, event, day);
            }
        });
    }

    @EventHandler
    void on(ChannelRegistered event) {
        stock(event, state -> InStockRows.channel(state, event));
    }

    @EventHandler
    void on(ChannelSettingsChanged event) {
        stock(event, state -> InStockRows.channelChanged(state, event, day(event.changedAt())));
    }

    @EventHandler
    void on(ProductListedOnChannel event) {
        stock(event, state -> InStockRows.listed(state, event.channelId(), event.sku(), day(event.listedAt())));
    }

    @EventHandler
    void on(ProductDiscontinued event) {
        stock(event, state -> InStockRows.discontinued(state, event.sku(), day(event.discontinuedAt())));
    }

    /** Applies an event to the stock and in-stock rows ({@link KpiStockState}), as {@link #written} says. */
    private void stock(Object payload, Consumer<KpiStockState> change) {
        written(STOCK_STATE, KpiStockState::load, payload, change);
    }

    /** Applies an event to the order rows and their day counters ({@link KpiOrderState}), as {@link #written} says. */
    private void orders(Object payload, Consumer<KpiOrderState> change) {
        written(ORDER_STATE, KpiOrderState::load, payload, change);
    }

    /**
     * Applies an event to a part of this read model kept as a {@link ProjectionWrites.WriteBehind} state: in a
     * processor batch to the batch's copy of its rows, read once for all the batch's events and written when the batch
     * commits; else (a dead-letter retry, a recomputation, a batch being retried event by event) to this event's rows,
     * read and written now in its savepoint. A change throws before it changes anything, so a failing event leaves
     * the batch's copy as it was. Purchase orders and counts are written at once, as before: no table is written both
     * ways.
     */
    private <S extends ProjectionWrites.WriteBehind> void written(String name, BiFunction<DSLContext, List<?>, S> load,
                                                                 Object payload, Consumer<S> change) {
        S batch = writes.batchState(name, messages -> load.apply(dsl,
                messages.stream().map(Message::getPayload).toList()));
        if (batch != null) {
            change.accept(batch);
            return;
        }
        writes.now(() -> {
            S one = load.apply(dsl, List.of(payload));
            change.accept(one);
            writes.apply(one.drain());
        });
    }

    private void counted(StockCounted event) {
        LocalDate day = day(event.countedAt());
        int inserted = dsl.insertInto(KPI_COUNT)
                .set(KPI_COUNT.STOCK_ITEM_ID, event.stockItemId())
                .set(KPI_COUNT.COUNT_ID, event.countId())
                .set(KPI_COUNT.WAREHOUSE_ID, event.warehouseId())
                .set(KPI_COUNT.SKU, event.sku())
                .set(KPI_COUNT.COUNTED_AT, utc(event.countedAt()))
                .set(KPI_COUNT.BOOK_QUANTITY, event.bookQuantity())
                .set(KPI_COUNT.COUNTED_QUANTITY, event.countedQuantity())
                .set(KPI_COUNT.WITHIN_TOLERANCE, event.withinTolerance())
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            int within = event.withinTolerance() ? 1 : 0;
            dsl.insertInto(KPI_COUNT_DAY)
                    .set(KPI_COUNT_DAY.WAREHOUSE_ID, event.warehouseId())
                    .set(KPI_COUNT_DAY.DAY, day)
                    .set(KPI_COUNT_DAY.COUNTS, 1)
                    .set(KPI_COUNT_DAY.WITHIN_TOLERANCE, within)
                    .onConflict(KPI_COUNT_DAY.WAREHOUSE_ID, KPI_COUNT_DAY.DAY).doUpdate()
                    .set(KPI_COUNT_DAY.COUNTS, KPI_COUNT_DAY.COUNTS.plus(1))
                    .set(KPI_COUNT_DAY.WITHIN_TOLERANCE, KPI_COUNT_DAY.WITHIN_TOLERANCE.plus(within))
                    .execute();
        }
    }

    @EventHandler
    void on(PurchaseOrderDrafted event, @SequenceNumber long seq) {
        isolated.run(() -> purchaseOrders.drafted(event, seq));
    }

    @EventHandler
    void on(PurchaseOrderSubmitted event, @SequenceNumber long seq) {
        isolated.run(() -> purchaseOrders.change(event.purchaseOrderId(), seq,
                (order, lines) -> order.setSubmittedDay(day(event.submittedAt()))));
    }

    @EventHandler
    void on(PurchaseOrderConfirmed event, @SequenceNumber long seq) {
        LocalDate day = day(event.confirmedAt());
        isolated.run(() -> purchaseOrders.change(event.purchaseOrderId(), seq, (order, lines) -> {
            if (event.confirmedDate() != null) {
                order.setConfirmedDate(event.confirmedDate());
            }
            for (ConfirmedLine confirmed : event.lines()) {
                var line = lines.get(confirmed.lineNo());
                line.setConfirmed(confirmed.quantity());
                // units received before a confirmation that lowered the quantity: in full from the confirmation
                PurchaseOrderRows.judgeInFull(line, day);
            }
        }));
    }

    @EventHandler
    void on(PurchaseOrderGoodsReceived event, @SequenceNumber long seq) {
        LocalDate day = day(event.receivedAt());
        isolated.run(() -> purchaseOrders.change(event.purchaseOrderId(), seq, (order, lines) -> {
            for (ReceivedLine received : event.lines()) {
                var line = lines.get(received.lineNo());
                line.setReceived(line.getReceived() + received.quantity());
                PurchaseOrderRows.judgeInFull(line, day);
            }
        }));
    }

    @EventHandler
    void on(PurchaseOrderReceived event, @SequenceNumber long seq) {
        isolated.run(() -> purchaseOrders.change(event.purchaseOrderId(), seq,
                (order, lines) -> order.setReceivedDay(day(event.receivedAt()))));
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long seq) {
        isolated.run(() -> purchaseOrders.change(event.purchaseOrderId(), seq,
                (order, lines) -> order.setCancelled(true)));
    }

    /** Once every ordered unit has shipped and every shipment is delivered, the order is delivered at its last one. */
    private static void markDeliveredWhenComplete(KpiOrderRecord order) {
        if (order.getDeliveredAt() == null && order.getShipments() > 0
                && order.getUnitsShipped() >= order.getUnitsOrdered()
                && order.getShipmentsDelivered() >= order.getShipments() && order.getLastDeliveredAt() != null) {
            order.setDeliveredAt(order.getLastDeliveredAt());
            order.setDeliveredDay(order.getLastDeliveredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        }
    }

    /**
     * Applies {@code change} to the order's row unless the event was applied before, moves what the order counts for
     * in the delivery counters from its old to its new contribution, then runs {@code effects} (other rows the event
     * adds to).
     */
    private static void change(KpiOrderState state, String orderId, long seq, Consumer<KpiOrderRecord> change,
                               Consumer<KpiOrderRecord> effects) {
        KpiOrderRecord order = existing(state, orderId);
        if (order.getLastSequence() >= seq) {
            return;
        }
        OrderDelivery before = OrderDelivery.of(order);
        change.accept(order);
        order.setLastSequence(seq);
        state.orderChanged(order);
        OrderDelivery after = OrderDelivery.of(order);
        if (before != null && !before.equals(after)) {
            state.counters().delivered(before, -1);
        }
        if (after != null && !after.equals(before)) {
            state.counters().delivered(after, 1);
        }
        effects.accept(order);
    }

    private static KpiOrderRecord existing(KpiOrderState state, String orderId) {
        KpiOrderRecord order = state.order(orderId);
        if (order == null) {
            throw new IllegalStateException("Order " + orderId + " is not in the kpis read model");
        }
        return order;
    }

    /**
     * What {@code units} of a line are worth to the return rate by value: their share of the line's gross
     * ({@link OrderAmounts#unitsShare}); null for a line stored before its gross was kept (docs/kpis.md).
     */
    private static BigDecimal value(KpiOrderLineRecord line, int units, String currency) {
        return line.getGross() == null || currency == null ? null
                : OrderAmounts.unitsShare(line.getGross(), line.getQuantity(), units, currency);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** How this projector writes its stock rows (batched per processor batch, or event by event); for tests. */
    public ProjectionWrites writes() {
        return writes;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
        writes.reset();
    }

    /** Every OrderEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> APPLIED;
            case OrderShipped e -> APPLIED;
            case OrderDelivered e -> APPLIED;
            case OrderCancelled e -> APPLIED;
            case ReturnRequested e -> APPLIED;
            case BackorderAllocated e -> ignored("fill rate is what was reserved at placement; a backorder filled "
                    + "later does not make the order filled, and shipped complete already counts it as backordered");
            case PaymentCaptured e -> ignored("money: margins come from the ledger, not from this read model");
            case OrderFeeRecorded e -> ignored("money: margins come from the ledger, not from this read model");
            case ReturnReceived e -> ignored("the perfect order's damage and documentation components use the "
                    + "reasons given when the return was requested; receipt adds none");
            case ReturnInspected e -> ignored("an inspection grades the goods for restocking; the perfect order "
                    + "judges by the customer's stated reason (docs/kpis.md)");
            case OrderRefundEarmarked e -> ignored("money: refunds are not an operations KPI input");
            case OrderRefundApproved e -> ignored("money: refunds are not an operations KPI input");
            case OrderRefundReleased e -> ignored("money: refunds are not an operations KPI input");
            case OrderRefunded e -> ignored("money: refunds are not an operations KPI input");
            case OrderPicked e -> ignored("warehouse steps between placement and shipment; the KPIs time the order "
                    + "from placement to delivery");
            case OrderPacked e -> ignored("warehouse steps between placement and shipment; the KPIs time the order "
                    + "from placement to delivery");
            case OrderShipmentOverdue e -> ignored("on time is judged from each shipment's date against the promise "
                    + "(OrderDelivery); the overdue flag raises an alert and adds nothing to that");
        };
    }

    /** Every PurchaseOrderEvent type: the supplier KPIs ({@link SupplierDelivery}). */
    static EventUse use(PurchaseOrderEvent event) {
        return switch (event) {
            case PurchaseOrderDrafted e -> APPLIED;
            case PurchaseOrderSubmitted e -> APPLIED;
            case PurchaseOrderConfirmed e -> APPLIED;
            case PurchaseOrderGoodsReceived e -> APPLIED;
            case PurchaseOrderReceived e -> APPLIED;
            case PurchaseOrderCancelled e -> APPLIED;
            case PurchaseOrderClosed e -> ignored("closing an order short changes no figure: its open lines stay due "
                    + "and not in full, and it was never received in full");
        };
    }

    /**
     * Every StockItemEvent type: each carries the item's on hand after it (sell-through, stock aging); counts are also
     * inventory accuracy (as counted: approving or rejecting the correction does not make a count accurate).
     */
    static EventUse use(StockItemEvent event) {
        return APPLIED;
    }

    /** Every ChannelEvent type: a channel's warehouses and buffer decide what it may sell (in-stock rate). */
    static EventUse use(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> APPLIED;
            case ChannelSettingsChanged e -> APPLIED;
        };
    }

    /** Every ProductEvent type: listings count as SKU-days of their channel until the product is discontinued. */
    static EventUse use(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> ignored("a registered product counts for a channel once it is listed there");
            case ProductListedOnChannel e -> APPLIED;
            case ProductDiscontinued e -> APPLIED;
        };
    }
}
