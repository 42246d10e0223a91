package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * The order's own row on the board, which guards every other row of that order: its {@code last_sequence} is the
 * position of the last event applied to the order, and its status is re-derived from its units and shipments.
 */
final class OrderRow {

    private final DSLContext dsl;

    OrderRow(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Moves the order's position to {@code seq}. False when the event was applied already; an event for an order the
     * board has never seen is an error (it goes to the dead-letter queue rather than being skipped).
     */
    boolean claim(String orderId, long seq) {
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
    void refreshStatus(String orderId) {
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
}
