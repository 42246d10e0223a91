package com.omniops.command.settlement.reconcile;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tie a settlement row to an order by hand; {@code orderChannelId} is the order's channel, looked up at the edge. */
public record MatchSettlementRow(String settlementId, long rowNo, String orderId, String orderChannelId, String note,
                                 String matchedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.settlement(settlementId);
    }
}
