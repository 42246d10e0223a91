package com.omniops.events.order;

/**
 * Where an order stands, derived from its units: the one rule for it, used by the Order aggregate (the status its
 * commands answer) and the order board read model, so the two can never disagree.
 */
public enum OrderStatus {
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

    public static OrderStatus of(boolean cancelled, int unitsOrdered, int unitsBackordered, int unitsShipped,
                                 boolean allShipmentsDelivered) {
        if (cancelled) {
            return CANCELLED;
        }
        if (unitsShipped == 0) {
            return unitsBackordered > 0 ? BACKORDERED : PLACED;
        }
        if (unitsShipped < unitsOrdered) {
            return PARTIALLY_SHIPPED;
        }
        return allShipmentsDelivered ? DELIVERED : SHIPPED;
    }
}
