package com.omniops.command.transfer;

import java.util.List;

/** A transfer as the command API answers it; {@code inTransit} = shipped − received per line. */
public record TransferView(String transferId, TransferStatus status, String fromWarehouseId, String toWarehouseId,
                           List<Line> lines) {

    public TransferView {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, String sku, int requested, int shipped, int received, int inTransit) {
    }
}
