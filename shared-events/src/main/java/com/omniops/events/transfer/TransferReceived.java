package com.omniops.events.transfer;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Shipped units arrived at the destination (each destination stock item records a {@code StockReceived} with source
 * TRANSFER_IN at the shipped unit cost in the same transaction). {@code complete} when every shipped unit has arrived.
 */
@Revision("1")
public record TransferReceived(String transferId, String receiptId, String fromWarehouseId, String toWarehouseId,
                               List<ReceivedTransferLine> lines, boolean complete, Instant receivedAt)
        implements TransferEvent {

    public TransferReceived {
        lines = List.copyOf(lines);
    }
}
