package com.omniops.command.transfer.receive;

import java.util.List;

/**
 * Handled by {@link TransferReceiving}: shipped units arrive at the destination. No lines = everything still in
 * transit.
 */
public record ReceiveTransfer(String transferId, String receiptId, List<Line> lines) {

    public ReceiveTransfer {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String sku, int quantity) {
    }
}
