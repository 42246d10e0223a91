package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_WAREHOUSE_STEP;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.Columns.zeroIfAbsent;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The board's rows for an order's way to the customer: backorders allocated, picking and packing per warehouse,
 * shipments with their lines, delivery and cancellation. Each write runs after the order's position was claimed
 * ({@link OrderRow#claim}) for the event's {@code seq}, which it stamps on the rows it touches.
 */
final class FulfilmentRows {

    private final DSLContext dsl;
    private final OrderRow order;

    FulfilmentRows(DSLContext dsl, OrderRow order) {
        this.dsl = dsl;
        this.order = order;
    }

    void cancel(OrderCancelled event) {
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.STATUS, OrderBoardStatus.CANCELLED.name())
                .set(ORDER_BOARD_ORDER.CANCELLED_AT, utc(event.cancelledAt()))
                .set(ORDER_BOARD_ORDER.CANCEL_REASON, event.reason())
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void ship(OrderShipped event, long seq) {
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
            shipLine(event, line, seq);
        }
        dsl.deleteFrom(ORDER_BOARD_WAREHOUSE_STEP) // picked and packed units have now left
                .where(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID.eq(event.orderId()))
                .and(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID.eq(event.warehouseId()))
                .execute();
        int shipped = event.lines().stream().mapToInt(ShippedLine::quantity).sum();
        LocalDate promised = dsl.select(ORDER_BOARD_ORDER.PROMISED_SHIP_DATE).from(ORDER_BOARD_ORDER)
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId())).fetchSingle().value1();
        boolean late = promised != null && LocalDate.ofInstant(event.shippedAt(), ZoneOffset.UTC).isAfter(promised);
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.SHIPMENT_COUNT, ORDER_BOARD_ORDER.SHIPMENT_COUNT.plus(1))
                .set(ORDER_BOARD_ORDER.SHIPPING_COST,
                        ORDER_BOARD_ORDER.SHIPPING_COST.plus(zeroIfAbsent(event.shippingCost())))
                .set(ORDER_BOARD_ORDER.SHIPPED_LATE,
                        late ? inline(true) : ORDER_BOARD_ORDER.SHIPPED_LATE)
                .set(ORDER_BOARD_ORDER.UNITS_SHIPPED, ORDER_BOARD_ORDER.UNITS_SHIPPED.plus(shipped))
                // PostgreSQL's GREATEST ignores NULL: the first shipment sets the instant, later ones keep the latest.
                .set(ORDER_BOARD_ORDER.LAST_SHIPPED_AT,
                        greatest(ORDER_BOARD_ORDER.LAST_SHIPPED_AT, val(utc(event.shippedAt()))))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
        order.refreshStatus(event.orderId());
    }

    private void shipLine(OrderShipped event, ShippedLine line, long seq) {
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

    void allocateBackorder(BackorderAllocated event, long seq) {
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
        order.refreshStatus(event.orderId());
    }

    void pick(OrderPicked event) {
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
    }

    void pack(OrderPacked event) {
        dsl.update(ORDER_BOARD_WAREHOUSE_STEP)
                .set(ORDER_BOARD_WAREHOUSE_STEP.STAGE, "PACKED")
                .set(ORDER_BOARD_WAREHOUSE_STEP.PACKED_AT, utc(event.packedAt()))
                .set(ORDER_BOARD_WAREHOUSE_STEP.PARCELS, event.parcels())
                .where(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID.eq(event.orderId()))
                .and(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID.eq(event.warehouseId()))
                .execute();
    }

    void deliver(OrderDelivered event, long seq) {
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
        order.refreshStatus(event.orderId());
    }
}
