package com.omniops.command.settlement.importing;

import com.omniops.events.StreamIds;
import com.omniops.events.settlement.SettlementRow;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The next chunk of rows of a settlement being imported ({@code chunk} 0 first). */
public record RecordSettlementRows(String settlementId, int chunk, List<SettlementRow> rows) {

    public RecordSettlementRows {
        rows = List.copyOf(rows);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.settlement(settlementId);
    }
}
