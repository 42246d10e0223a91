package com.omniops.projections.orderboard;

import com.omniops.events.order.OrderStatus;

/** An order's state on the board, derived from its units by the same rule as the command side's. */
public enum OrderBoardStatus {
    /** Every unit is allocated, nothing has shipped yet. */
    PLACED,
    /** Some units wait for stock, nothing has shipped yet. */
    BACKORDERED,
    /** Some units have shipped, not all that were ordered. */
    PARTIALLY_SHIPPED,
    /** Every ordered unit has shipped. */
    SHIPPED,
    /** Every ordered unit has shipped and every shipment has been delivered. */
    DELIVERED,
    CANCELLED;

    /** The shared rule ({@link OrderStatus#of}); the board keeps its own type for its stored column and API. */
    public static OrderBoardStatus derive(boolean cancelled, int unitsOrdered, int unitsBackordered, int unitsShipped,
                                          boolean allShipmentsDelivered) {
        return switch (OrderStatus.of(cancelled, unitsOrdered, unitsBackordered, unitsShipped,
                allShipmentsDelivered)) {
            case PLACED -> PLACED;
            case BACKORDERED -> BACKORDERED;
            case PARTIALLY_SHIPPED -> PARTIALLY_SHIPPED;
            case SHIPPED -> SHIPPED;
            case DELIVERED -> DELIVERED;
            case CANCELLED -> CANCELLED;
        };
    }
}
