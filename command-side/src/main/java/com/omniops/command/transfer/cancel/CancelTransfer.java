package com.omniops.command.transfer.cancel;

import com.omniops.command.transfer.Transfer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelTransfer(String transferId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Transfer.idOf(transferId);
    }
}
