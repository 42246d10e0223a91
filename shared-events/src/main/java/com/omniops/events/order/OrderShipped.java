package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** One shipment left one warehouse with some or all of the units reserved there for this order. */
@Revision("1")
public record OrderShipped(String orderId, String shipmentId, String warehouseId, List<ShippedLine> lines,
                           String carrier, String trackingNumber, Instant shippedAt) implements OrderEvent {
    public OrderShipped {
        lines = List.copyOf(lines);
    }
}
