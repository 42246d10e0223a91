package com.omniops.events.transfer;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The units left the source warehouse (each source stock item records a {@code StockTransferredOut} in the same
 * transaction) and are in transit to the destination until received.
 */
@Revision("1")
public record TransferShipped(String transferId, String fromWarehouseId, String toWarehouseId,
                              List<ShippedTransferLine> lines, String carrier, String trackingNumber,
                              Instant shippedAt) implements TransferEvent {

    public TransferShipped {
        lines = List.copyOf(lines);
    }
}
