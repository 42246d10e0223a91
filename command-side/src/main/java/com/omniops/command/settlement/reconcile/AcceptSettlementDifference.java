package com.omniops.command.settlement.reconcile;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Accept a difference of a settlement with a reason: an order's ({@code orderId}, its channel looked up at the edge),
 * a row's ({@code rowNo}), or the settlement's total against its rows (neither).
 */
public record AcceptSettlementDifference(String settlementId, String orderId, String orderChannelId, Long rowNo,
                                         String reason, String acceptedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.settlement(settlementId);
    }
}
