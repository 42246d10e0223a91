package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A cycle count: {@code variance} = {@code countedQuantity} − {@code bookQuantity} (on hand by the books when
 * counted), worth {@code varianceValue} at the moving-average {@code unitCost}. {@code withinTolerance} is the
 * quantity tolerance only (inventory accuracy). With no {@code approvalReasons} the variance was adjusted at once (a
 * {@code StockAdjusted} with reason COUNT_CORRECTION follows when it is not zero); otherwise the count is an
 * adjustment request, identified by {@code countId}, awaiting approval, and the quantities are unchanged.
 */
@Revision("1")
public record StockCounted(String stockItemId, String sku, String warehouseId, String countId, int bookQuantity,
                           int countedQuantity, int variance, boolean withinTolerance, Money unitCost,
                           Money varianceValue, List<CountApprovalReason> approvalReasons, String countedBy,
                           String note, int onHandAfter, int reservedAfter, Instant countedAt)
        implements StockItemEvent {

    public StockCounted {
        approvalReasons = approvalReasons == null ? List.of() : List.copyOf(approvalReasons);
    }

    public boolean awaitingApproval() {
        return !approvalReasons.isEmpty();
    }
}
