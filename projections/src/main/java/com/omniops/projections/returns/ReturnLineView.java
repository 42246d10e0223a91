package com.omniops.projections.returns;

import java.time.Instant;
import java.util.List;

/**
 * One returned order line: its reason code, status (REQUESTED, RECEIVED, INSPECTED), receiving warehouse and, once
 * inspected, where its units went.
 */
public record ReturnLineView(String returnId, String orderId, int lineNo, String sku, int quantity, String reason,
                             String note, String status, String warehouseId, Instant requestedAt, Instant receivedAt,
                             Instant inspectedAt, List<Disposition> dispositions) {

    public ReturnLineView {
        dispositions = List.copyOf(dispositions);
    }

    /** {@code quantity} units found in {@code condition}, sent to RESALE, QUARANTINE, REFURBISH or WRITE_OFF. */
    public record Disposition(int quantity, String condition, String disposition) {
    }
}
