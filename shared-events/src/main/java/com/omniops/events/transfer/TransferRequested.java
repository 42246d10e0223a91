package com.omniops.events.transfer;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** Units of one or more SKUs should move from one warehouse to another; nothing has moved yet. */
@Revision("1")
public record TransferRequested(String transferId, String fromWarehouseId, String toWarehouseId,
                                List<TransferLine> lines, String note, Instant requestedAt) implements TransferEvent {

    public TransferRequested {
        lines = List.copyOf(lines);
    }
}
