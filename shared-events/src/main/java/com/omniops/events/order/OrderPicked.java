package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The units reserved for the order in one warehouse were picked from their bins. */
@Revision("1")
public record OrderPicked(String orderId, String warehouseId, List<ShippedLine> lines, String pickedBy,
                          Instant pickedAt) implements OrderEvent {
    public OrderPicked {
        lines = List.copyOf(lines);
    }
}
