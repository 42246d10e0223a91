package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_REFUND;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_RETURN;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_WAREHOUSE_STEP;
import static com.omniops.projections.support.EventUse.APPLIED;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPacked;
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
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.projections.jooq.tables.records.OrderBoardRefundRecord;
import com.omniops.projections.jooq.tables.records.OrderBoardReturnRecord;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateConditionStep;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Component;

/**
 * Read model "order status board": one row per order with its units and status, its lines, allocations per
 * warehouse and shipments.
 * <p>
 * Idempotency: the order row's {@code last_sequence} guards the whole order. Each handler first moves it forward
 * (an event at or below it was applied already and is ignored); the order and its child rows change in the same
 * transaction, so they can never disagree.
 */
@Component
@ProcessingGroup(OrderBoardProjector.PROCESSING_GROUP)
public class OrderBoardProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "order-board";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, OrderBoardProjector::new,
            ORDER_BOARD_REFUND, ORDER_BOARD_RETURN, ORDER_BOARD_SHIPMENT_LINE, ORDER_BOARD_SHIPMENT,
            ORDER_BOARD_WAREHOUSE_STEP, ORDER_BOARD_ALLOCATION, ORDER_BOARD_LINE, ORDER_BOARD_ORDER);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public OrderBoardProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long seq) {
        isolated.run(() -> place(event, seq));
    }

    private void place(OrderPlaced event, long seq) {
        Map<Integer, Integer> allocatedPerLine = new TreeMap<>();
        Map<AllocationKey, Integer> allocations = new TreeMap<>();
        for (LineAllocation a : event.allocations()) {
            allocatedPerLine.merge(a.lineNo(), a.quantity(), Integer::sum);
            allocations.merge(new AllocationKey(a.lineNo(), a.warehouseId()), a.quantity(), Integer::sum);
        }
        Map<Integer, Integer> backorderedPerLine = new TreeMap<>();
        for (LineBackorder b : event.backorders()) {
            backorderedPerLine.merge(b.lineNo(), b.quantity(), Integer::sum);
        }
        int unitsOrdered = 0;
        for (OrderLine line : event.lines()) {
            unitsOrdered += line.quantity();
        }
        BigDecimal total = OrderAmounts.of(event).gross();
        int unitsAllocated = allocatedPerLine.values().stream().mapToInt(Integer::intValue).sum();
        int unitsBackordered = backorderedPerLine.values().stream().mapToInt(Integer::intValue).sum();

        int inserted = dsl.insertInto(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.ORDER_ID, event.orderId())
                .set(ORDER_BOARD_ORDER.CHANNEL_ID, event.channelId())
                .set(ORDER_BOARD_ORDER.CHANNEL_ORDER_REF, event.channelOrderRef())
                .set(ORDER_BOARD_ORDER.CUSTOMER_ID, event.customerId())
                .set(ORDER_BOARD_ORDER.CURRENCY, event.currency())
                .set(ORDER_BOARD_ORDER.PRICES_INCLUDE_TAX, event.pricesIncludeTax())
                .set(ORDER_BOARD_ORDER.STATUS,
                        OrderBoardStatus.derive(false, unitsOrdered, unitsBackordered, 0, true).name())
                .set(ORDER_BOARD_ORDER.LINE_COUNT, event.lines().size())
                .set(ORDER_BOARD_ORDER.UNITS_ORDERED, unitsOrdered)
                .set(ORDER_BOARD_ORDER.UNITS_ALLOCATED, unitsAllocated)
                .set(ORDER_BOARD_ORDER.UNITS_BACKORDERED, unitsBackordered)
                .set(ORDER_BOARD_ORDER.UNITS_SHIPPED, 0)
                .set(ORDER_BOARD_ORDER.SHIPPING_CHARGE, nz(event.shippingCharge()))
                .set(ORDER_BOARD_ORDER.ORDER_TOTAL, total)
                .set(ORDER_BOARD_ORDER.PLACED_AT, utc(event.placedAt()))
                .set(ORDER_BOARD_ORDER.PROMISED_SHIP_DATE, event.promisedShipDate())
                .set(ORDER_BOARD_ORDER.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return; // already applied
        }
        if (!event.lines().isEmpty()) {
            var lines = dsl.insertInto(ORDER_BOARD_LINE, ORDER_BOARD_LINE.ORDER_ID, ORDER_BOARD_LINE.LINE_NO,
                    ORDER_BOARD_LINE.SKU, ORDER_BOARD_LINE.QUANTITY, ORDER_BOARD_LINE.UNIT_PRICE,
                    ORDER_BOARD_LINE.DISCOUNT, ORDER_BOARD_LINE.TAX_AMOUNT, ORDER_BOARD_LINE.ALLOCATED,
                    ORDER_BOARD_LINE.BACKORDERED, ORDER_BOARD_LINE.SHIPPED, ORDER_BOARD_LINE.LAST_SEQUENCE);
            for (OrderLine line : event.lines()) {
                lines = lines.values(event.orderId(), line.lineNo(), line.sku(), line.quantity(), line.unitPrice(),
                        nz(line.discount()), nz(line.taxAmount()),
                        allocatedPerLine.getOrDefault(line.lineNo(), 0),
                        backorderedPerLine.getOrDefault(line.lineNo(), 0), 0, seq);
            }
            lines.execute();
        }
        if (!allocations.isEmpty()) {
            var rows = dsl.insertInto(ORDER_BOARD_ALLOCATION, ORDER_BOARD_ALLOCATION.ORDER_ID,
                    ORDER_BOARD_ALLOCATION.LINE_NO, ORDER_BOARD_ALLOCATION.WAREHOUSE_ID,
                    ORDER_BOARD_ALLOCATION.QUANTITY, ORDER_BOARD_ALLOCATION.SHIPPED,
                    ORDER_BOARD_ALLOCATION.LAST_SEQUENCE);
            for (var a : allocations.entrySet()) {
                rows = rows.values(event.orderId(), a.getKey().lineNo(), a.getKey().warehouseId(), a.getValue(), 0,
                        seq);
            }
            rows.execute();
        }
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.STATUS, OrderBoardStatus.CANCELLED.name())
                    .set(ORDER_BOARD_ORDER.CANCELLED_AT, utc(event.cancelledAt()))
                    .set(ORDER_BOARD_ORDER.CANCEL_REASON, event.reason())
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
        });
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.insertInto(ORDER_BOARD_SHIPMENT)
                    .set(ORDER_BOARD_SHIPMENT.ORDER_ID, event.orderId())
                    .set(ORDER_BOARD_SHIPMENT.SHIPMENT_ID, event.shipmentId())
                    .set(ORDER_BOARD_SHIPMENT.WAREHOUSE_ID, event.warehouseId())
                    .set(ORDER_BOARD_SHIPMENT.CARRIER, event.carrier())
                    .set(ORDER_BOARD_SHIPMENT.TRACKING_NUMBER, event.trackingNumber())
                    .set(ORDER_BOARD_SHIPMENT.SHIPPED_AT, utc(event.shippedAt()))
                    .set(ORDER_BOARD_SHIPMENT.SHIPPING_COST, event.shippingCost())
                    .set(ORDER_BOARD_SHIPMENT.LAST_SEQUENCE, seq)
                    .execute();
            for (ShippedLine line : event.lines()) {
                dsl.insertInto(ORDER_BOARD_SHIPMENT_LINE)
                        .set(ORDER_BOARD_SHIPMENT_LINE.ORDER_ID, event.orderId())
                        .set(ORDER_BOARD_SHIPMENT_LINE.SHIPMENT_ID, event.shipmentId())
                        .set(ORDER_BOARD_SHIPMENT_LINE.LINE_NO, line.lineNo())
                        .set(ORDER_BOARD_SHIPMENT_LINE.SKU, line.sku())
                        .set(ORDER_BOARD_SHIPMENT_LINE.QUANTITY, line.quantity())
                        .set(ORDER_BOARD_SHIPMENT_LINE.LAST_SEQUENCE, seq)
                        .execute();
                // A shipment from a warehouse the line was not allocated in still shows where the units left from.
                dsl.insertInto(ORDER_BOARD_ALLOCATION)
                        .set(ORDER_BOARD_ALLOCATION.ORDER_ID, event.orderId())
                        .set(ORDER_BOARD_ALLOCATION.LINE_NO, line.lineNo())
                        .set(ORDER_BOARD_ALLOCATION.WAREHOUSE_ID, event.warehouseId())
                        .set(ORDER_BOARD_ALLOCATION.QUANTITY, 0)
                        .set(ORDER_BOARD_ALLOCATION.SHIPPED, line.quantity())
                        .set(ORDER_BOARD_ALLOCATION.LAST_SEQUENCE, seq)
                        .onConflict(ORDER_BOARD_ALLOCATION.ORDER_ID, ORDER_BOARD_ALLOCATION.LINE_NO,
                                ORDER_BOARD_ALLOCATION.WAREHOUSE_ID)
                        .doUpdate()
                        .set(ORDER_BOARD_ALLOCATION.SHIPPED, ORDER_BOARD_ALLOCATION.SHIPPED.plus(line.quantity()))
                        .set(ORDER_BOARD_ALLOCATION.LAST_SEQUENCE, seq)
                        .execute();
                int lines = dsl.update(ORDER_BOARD_LINE)
                        .set(ORDER_BOARD_LINE.SHIPPED, ORDER_BOARD_LINE.SHIPPED.plus(line.quantity()))
                        .set(ORDER_BOARD_LINE.LAST_SEQUENCE, seq)
                        .where(ORDER_BOARD_LINE.ORDER_ID.eq(event.orderId()))
                        .and(ORDER_BOARD_LINE.LINE_NO.eq(line.lineNo()))
                        .execute();
                if (lines == 0) {
                    throw new IllegalStateException(
                            "Order " + event.orderId() + " has no line " + line.lineNo() + " on the board");
                }
            }
            dsl.deleteFrom(ORDER_BOARD_WAREHOUSE_STEP) // picked and packed units have now left
                    .where(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID.eq(event.orderId()))
                    .and(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID.eq(event.warehouseId()))
                    .execute();
            int shipped = event.lines().stream().mapToInt(ShippedLine::quantity).sum();
            // PostgreSQL's GREATEST ignores NULL: the first shipment sets the instant, later ones keep the latest.
            LocalDate promised = dsl.select(ORDER_BOARD_ORDER.PROMISED_SHIP_DATE).from(ORDER_BOARD_ORDER)
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId())).fetchSingle().value1();
            boolean late = promised != null && LocalDate.ofInstant(event.shippedAt(), ZoneOffset.UTC).isAfter(promised);
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.SHIPMENT_COUNT, ORDER_BOARD_ORDER.SHIPMENT_COUNT.plus(1))
                    .set(ORDER_BOARD_ORDER.SHIPPING_COST, ORDER_BOARD_ORDER.SHIPPING_COST.plus(nz(event.shippingCost())))
                    .set(ORDER_BOARD_ORDER.SHIPPED_LATE,
                            late ? inline(true) : ORDER_BOARD_ORDER.SHIPPED_LATE)
                    .set(ORDER_BOARD_ORDER.UNITS_SHIPPED, ORDER_BOARD_ORDER.UNITS_SHIPPED.plus(shipped))
                    .set(ORDER_BOARD_ORDER.LAST_SHIPPED_AT,
                            greatest(ORDER_BOARD_ORDER.LAST_SHIPPED_AT, val(utc(event.shippedAt()))))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
            refreshStatus(event.orderId());
        });
    }

    @EventHandler
    void on(BackorderAllocated event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.insertInto(ORDER_BOARD_ALLOCATION)
                    .set(ORDER_BOARD_ALLOCATION.ORDER_ID, event.orderId())
                    .set(ORDER_BOARD_ALLOCATION.LINE_NO, event.lineNo())
                    .set(ORDER_BOARD_ALLOCATION.WAREHOUSE_ID, event.warehouseId())
                    .set(ORDER_BOARD_ALLOCATION.QUANTITY, event.quantity())
                    .set(ORDER_BOARD_ALLOCATION.SHIPPED, 0)
                    .set(ORDER_BOARD_ALLOCATION.LAST_SEQUENCE, seq)
                    .onConflict(ORDER_BOARD_ALLOCATION.ORDER_ID, ORDER_BOARD_ALLOCATION.LINE_NO,
                            ORDER_BOARD_ALLOCATION.WAREHOUSE_ID)
                    .doUpdate()
                    .set(ORDER_BOARD_ALLOCATION.QUANTITY, ORDER_BOARD_ALLOCATION.QUANTITY.plus(event.quantity()))
                    .set(ORDER_BOARD_ALLOCATION.LAST_SEQUENCE, seq)
                    .execute();
            dsl.update(ORDER_BOARD_LINE)
                    .set(ORDER_BOARD_LINE.ALLOCATED, ORDER_BOARD_LINE.ALLOCATED.plus(event.quantity()))
                    .set(ORDER_BOARD_LINE.BACKORDERED, ORDER_BOARD_LINE.BACKORDERED.minus(event.quantity()))
                    .set(ORDER_BOARD_LINE.LAST_SEQUENCE, seq)
                    .where(ORDER_BOARD_LINE.ORDER_ID.eq(event.orderId()))
                    .and(ORDER_BOARD_LINE.LINE_NO.eq(event.lineNo()))
                    .execute();
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.UNITS_ALLOCATED, ORDER_BOARD_ORDER.UNITS_ALLOCATED.plus(event.quantity()))
                    .set(ORDER_BOARD_ORDER.UNITS_BACKORDERED,
                            ORDER_BOARD_ORDER.UNITS_BACKORDERED.minus(event.quantity()))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
            refreshStatus(event.orderId());
        });
    }

    @EventHandler
    void on(OrderPicked event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.insertInto(ORDER_BOARD_WAREHOUSE_STEP)
                    .set(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID, event.orderId())
                    .set(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID, event.warehouseId())
                    .set(ORDER_BOARD_WAREHOUSE_STEP.STAGE, "PICKED")
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PICKED_AT, utc(event.pickedAt()))
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PICKED_BY, event.pickedBy())
                    .onConflict(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID, ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID)
                    .doUpdate()
                    .set(ORDER_BOARD_WAREHOUSE_STEP.STAGE, "PICKED")
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PICKED_AT, utc(event.pickedAt()))
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PICKED_BY, event.pickedBy())
                    .execute();
        });
    }

    @EventHandler
    void on(OrderPacked event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.update(ORDER_BOARD_WAREHOUSE_STEP)
                    .set(ORDER_BOARD_WAREHOUSE_STEP.STAGE, "PACKED")
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PACKED_AT, utc(event.packedAt()))
                    .set(ORDER_BOARD_WAREHOUSE_STEP.PARCELS, event.parcels())
                    .where(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID.eq(event.orderId()))
                    .and(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID.eq(event.warehouseId()))
                    .execute();
        });
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            int updated = dsl.update(ORDER_BOARD_SHIPMENT)
                    .set(ORDER_BOARD_SHIPMENT.DELIVERED_AT, utc(event.deliveredAt()))
                    .set(ORDER_BOARD_SHIPMENT.LAST_SEQUENCE, seq)
                    .where(ORDER_BOARD_SHIPMENT.ORDER_ID.eq(event.orderId()))
                    .and(ORDER_BOARD_SHIPMENT.SHIPMENT_ID.eq(event.shipmentId()))
                    .execute();
            if (updated == 0) {
                throw new IllegalStateException(
                        "Order " + event.orderId() + " has no shipment " + event.shipmentId() + " on the board");
            }
            refreshStatus(event.orderId());
        });
    }

    // ---- Money, returns and refunds (all guarded by the order's position) --------------------------------------

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (claim(event.orderId(), seq)) {
                dsl.update(ORDER_BOARD_ORDER)
                        .set(ORDER_BOARD_ORDER.CAPTURED, ORDER_BOARD_ORDER.CAPTURED.plus(event.amount().amount()))
                        .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(OrderFeeRecorded event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (claim(event.orderId(), seq)) {
                dsl.update(ORDER_BOARD_ORDER)
                        .set(ORDER_BOARD_ORDER.FEES, ORDER_BOARD_ORDER.FEES.plus(event.amount().amount()))
                        .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            int units = event.lines().stream().mapToInt(ReturnLine::quantity).sum();
            dsl.insertInto(ORDER_BOARD_RETURN)
                    .set(ORDER_BOARD_RETURN.ORDER_ID, event.orderId())
                    .set(ORDER_BOARD_RETURN.RETURN_ID, event.returnId())
                    .set(ORDER_BOARD_RETURN.STATUS, "REQUESTED")
                    .set(ORDER_BOARD_RETURN.UNITS, units)
                    .set(ORDER_BOARD_RETURN.REQUESTED_AT, utc(event.requestedAt()))
                    .set(ORDER_BOARD_RETURN.LAST_SEQUENCE, seq)
                    .execute();
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.UNITS_RETURNED, ORDER_BOARD_ORDER.UNITS_RETURNED.plus(units))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
        });
    }

    @EventHandler
    void on(ReturnReceived event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (claim(event.orderId(), seq)) {
                updateReturn(seq, "RECEIVED")
                        .set(ORDER_BOARD_RETURN.WAREHOUSE_ID, event.warehouseId())
                        .set(ORDER_BOARD_RETURN.RECEIVED_AT, utc(event.receivedAt()))
                        .where(returnRow(event.orderId(), event.returnId()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(ReturnInspected event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (claim(event.orderId(), seq)) {
                updateReturn(seq, "INSPECTED")
                        .set(ORDER_BOARD_RETURN.INSPECTED_AT, utc(event.inspectedAt()))
                        .where(returnRow(event.orderId(), event.returnId()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(OrderRefundEarmarked event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.insertInto(ORDER_BOARD_REFUND)
                    .set(ORDER_BOARD_REFUND.ORDER_ID, event.orderId())
                    .set(ORDER_BOARD_REFUND.REFUND_ID, event.refundId())
                    .set(ORDER_BOARD_REFUND.AMOUNT, event.amount().amount())
                    .set(ORDER_BOARD_REFUND.SOURCE, event.source().name())
                    .set(ORDER_BOARD_REFUND.RETURN_ID, event.returnId())
                    .set(ORDER_BOARD_REFUND.STATUS, "REQUESTED")
                    .set(ORDER_BOARD_REFUND.REQUESTED_AT, utc(event.earmarkedAt()))
                    .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                    .execute();
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                            ORDER_BOARD_ORDER.REFUND_EARMARKED.plus(event.amount().amount()))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
        });
    }

    @EventHandler
    void on(OrderRefundApproved event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (claim(event.orderId(), seq)) {
                refundStatus(event.orderId(), event.refundId(), seq, "APPROVED").execute();
            }
        });
    }

    @EventHandler
    void on(OrderRefundReleased event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            refundStatus(event.orderId(), event.refundId(), seq, "REJECTED").execute();
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                            ORDER_BOARD_ORDER.REFUND_EARMARKED.minus(event.amount().amount()))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
        });
    }

    @EventHandler
    void on(OrderRefunded event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!claim(event.orderId(), seq)) {
                return;
            }
            dsl.update(ORDER_BOARD_REFUND)
                    .set(ORDER_BOARD_REFUND.STATUS, "ISSUED")
                    .set(ORDER_BOARD_REFUND.REFUNDED_AT, utc(event.refundedAt()))
                    .set(ORDER_BOARD_REFUND.PAYMENT_REFERENCE, event.paymentReference())
                    .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                    .where(ORDER_BOARD_REFUND.ORDER_ID.eq(event.orderId()))
                    .and(ORDER_BOARD_REFUND.REFUND_ID.eq(event.refundId()))
                    .execute();
            dsl.update(ORDER_BOARD_ORDER)
                    .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                            ORDER_BOARD_ORDER.REFUND_EARMARKED.minus(event.amount().amount()))
                    .set(ORDER_BOARD_ORDER.REFUNDED, ORDER_BOARD_ORDER.REFUNDED.plus(event.amount().amount()))
                    .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                    .execute();
        });
    }

    private UpdateSetMoreStep<OrderBoardReturnRecord> updateReturn(long seq, String status) {
        return dsl.update(ORDER_BOARD_RETURN)
                .set(ORDER_BOARD_RETURN.STATUS, status)
                .set(ORDER_BOARD_RETURN.LAST_SEQUENCE, seq);
    }

    private static Condition returnRow(String orderId, String returnId) {
        return ORDER_BOARD_RETURN.ORDER_ID.eq(orderId).and(ORDER_BOARD_RETURN.RETURN_ID.eq(returnId));
    }

    private UpdateConditionStep<OrderBoardRefundRecord> refundStatus(String orderId, String refundId, long seq,
                                                                     String status) {
        return dsl.update(ORDER_BOARD_REFUND)
                .set(ORDER_BOARD_REFUND.STATUS, status)
                .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                .where(ORDER_BOARD_REFUND.ORDER_ID.eq(orderId))
                .and(ORDER_BOARD_REFUND.REFUND_ID.eq(refundId));
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /**
     * Moves the order's position to {@code seq}. False when the event was applied already; an event for an order the
     * board has never seen is an error (it goes to the dead-letter queue rather than being skipped).
     */
    private boolean claim(String orderId, long seq) {
        int moved = dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.LAST_SEQUENCE, seq)
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(orderId))
                .and(ORDER_BOARD_ORDER.LAST_SEQUENCE.lt(seq))
                .execute();
        if (moved > 0) {
            return true;
        }
        if (!dsl.fetchExists(ORDER_BOARD_ORDER, ORDER_BOARD_ORDER.ORDER_ID.eq(orderId))) {
            throw new IllegalStateException("Order " + orderId + " is not on the board (OrderPlaced not applied)");
        }
        return false;
    }

    /** Re-derives the status (and delivery instant) from the order's units and shipments. */
    private void refreshStatus(String orderId) {
        var order = dsl.selectFrom(ORDER_BOARD_ORDER).where(ORDER_BOARD_ORDER.ORDER_ID.eq(orderId)).fetchSingle();
        var shipments = dsl.select(
                        count(),
                        count(ORDER_BOARD_SHIPMENT.DELIVERED_AT),
                        max(ORDER_BOARD_SHIPMENT.DELIVERED_AT))
                .from(ORDER_BOARD_SHIPMENT)
                .where(ORDER_BOARD_SHIPMENT.ORDER_ID.eq(orderId))
                .fetchSingle();
        boolean allDelivered = shipments.value1() > 0 && shipments.value1().equals(shipments.value2());
        OrderBoardStatus status = OrderBoardStatus.derive(
                OrderBoardStatus.CANCELLED.name().equals(order.getStatus()),
                order.getUnitsOrdered(), order.getUnitsBackordered(), order.getUnitsShipped(), allDelivered);
        OffsetDateTime deliveredAt = status == OrderBoardStatus.DELIVERED ? shipments.value3() : null;
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.STATUS, status.name())
                .set(ORDER_BOARD_ORDER.DELIVERED_AT, deliveredAt)
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private record AllocationKey(int lineNo, String warehouseId) implements Comparable<AllocationKey> {
        @Override
        public int compareTo(AllocationKey other) {
            int byLine = Integer.compare(lineNo, other.lineNo);
            return byLine != 0 ? byLine : warehouseId.compareTo(other.warehouseId);
        }
    }

    /** Every OrderEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> APPLIED;
            case OrderCancelled e -> APPLIED;
            case OrderShipped e -> APPLIED;
            case OrderDelivered e -> APPLIED;
            case PaymentCaptured e -> APPLIED;
            case OrderFeeRecorded e -> APPLIED;
            case ReturnRequested e -> APPLIED;
            case ReturnReceived e -> APPLIED;
            case ReturnInspected e -> APPLIED;
            case OrderRefundEarmarked e -> APPLIED;
            case OrderRefundApproved e -> APPLIED;
            case OrderRefundReleased e -> APPLIED;
            case OrderRefunded e -> APPLIED;
            case BackorderAllocated e -> APPLIED;
            case OrderPicked e -> APPLIED;
            case OrderPacked e -> APPLIED;
        };
    }
}
