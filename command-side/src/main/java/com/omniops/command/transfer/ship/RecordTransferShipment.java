package com.omniops.command.transfer.ship;

import com.omniops.events.StreamIds;
import com.omniops.events.transfer.ShippedTransferLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sent by {@link TransferShipping} with the unit cost of each line at the source. */
public record RecordTransferShipment(String transferId, List<ShippedTransferLine> lines, String carrier,
                                     String trackingNumber) {

    public RecordTransferShipment {
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.transfer(transferId);
    }
}
