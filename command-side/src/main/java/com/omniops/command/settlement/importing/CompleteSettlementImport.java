package com.omniops.command.settlement.importing;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every row is recorded: the settlement now counts. */
public record CompleteSettlementImport(String settlementId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.settlement(settlementId);
    }
}
