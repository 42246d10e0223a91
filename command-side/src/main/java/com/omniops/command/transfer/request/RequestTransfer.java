package com.omniops.command.transfer.request;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code transferId} is generated at the edge; one line per SKU. */
public record RequestTransfer(String transferId, String fromWarehouseId, String toWarehouseId, List<Line> lines,
                              String note) {

    public RequestTransfer {
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.transfer(transferId);
    }

    public record Line(String sku, int quantity) {
    }
}
