package com.omniops.command.order.ship;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Handled by {@link OrderShipping}: records a shipment from one warehouse and issues its stock. Empty {@code lines}
 * ships everything still reserved for the order in that warehouse.
 */
public record ShipOrder(String orderId, String shipmentId, String warehouseId, List<Line> lines, String carrier,
                        String trackingNumber, BigDecimal shippingCost, Instant shippedAt) {

    public ShipOrder {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, int quantity) {
    }
}
