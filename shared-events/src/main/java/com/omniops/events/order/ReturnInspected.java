package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Every returned unit was inspected and given a disposition; the matching StockReturned events of the warehouse's
 * stock items are stored in the same transaction.
 */
@Revision("1")
public record ReturnInspected(String orderId, String returnId, String warehouseId, List<InspectedLine> lines,
                              Instant inspectedAt) implements OrderEvent {
    public ReturnInspected {
        lines = List.copyOf(lines);
    }
}
