package com.omniops.projections.transfers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer: status REQUESTED, CANCELLED, IN_TRANSIT, PARTIALLY_RECEIVED or RECEIVED; per line the units requested,
 * shipped, received and in transit (shipped − received), with the unit cost they travel at (null until shipped).
 */
public record TransferView(String transferId, String fromWarehouseId, String toWarehouseId, String status,
                           int unitsInTransit, String note, String carrier, String trackingNumber,
                           String cancelReason, Instant requestedAt, Instant shippedAt, Instant lastReceivedAt,
                           Instant cancelledAt, List<Line> lines) {

    public TransferView {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, String sku, int requested, int shipped, int received, int inTransit,
                       BigDecimal unitCost, String currency) {
    }
}
