package com.omniops.projections.orderboard;

/** An order's state on the board, derived from its units (mirrors the command side's rules). */
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

    public static OrderBoardStatus derive(boolean cancelled, int unitsOrdered, int unitsBackordered, int unitsShipped,
                                          boolean allShipmentsDelivered) {
        if (cancelled) {
            return CANCELLED;
        }
        if (unitsShipped > 0 && unitsShipped >= unitsOrdered) {
            return allShipmentsDelivered ? DELIVERED : SHIPPED;
        }
        if (unitsShipped > 0) {
            return PARTIALLY_SHIPPED;
        }
        return unitsBackordered > 0 ? BACKORDERED : PLACED;
    }
}
