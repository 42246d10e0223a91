package com.omniops.command.transfer.receive;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sent by {@link TransferReceiving}; answers the received lines with the unit cost they travelled at. */
public record RecordTransferReceipt(String transferId, String receiptId, List<ReceiveTransfer.Line> lines) {

    public RecordTransferReceipt {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.transfer(transferId);
    }
}
