package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One shipment left one warehouse with some or all of the units reserved there for this order. The shipment covers
 * picking and packing too (they are not recorded separately yet).
 * <p>
 * Revision 2 added {@code shippingCost}: what the carrier charges the merchant for this shipment, in the order's
 * currency. Revision 1 events are upcast with {@code shippingCost = null}, meaning "not recorded".
 */
@Revision("2")
public record OrderShipped(String orderId, String shipmentId, String warehouseId, List<ShippedLine> lines,
                           String carrier, String trackingNumber, BigDecimal shippingCost, Instant shippedAt)
        implements OrderEvent {
    public OrderShipped {
        lines = List.copyOf(lines);
    }
}
