package com.omniops.command.transfer.cancel;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelTransfer(String transferId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.transfer(transferId);
    }
}
