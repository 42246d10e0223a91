package com.omniops.projections.counts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A cycle count: status APPLIED (adjusted at once or approved), PENDING (awaiting approval, for the reasons listed)
 * or REJECTED; variance = counted − book, worth {@code varianceValue} at {@code unitCost} (moving average).
 */
public record CountView(String countId, String warehouseId, String sku, String status, int bookQuantity,
                        int countedQuantity, int variance, boolean withinTolerance, BigDecimal unitCost,
                        BigDecimal varianceValue, String currency, List<String> approvalReasons, String countedBy,
                        String note, Instant countedAt, String decidedBy, String decisionNote, Instant decidedAt) {

    public CountView {
        approvalReasons = List.copyOf(approvalReasons);
    }
}
