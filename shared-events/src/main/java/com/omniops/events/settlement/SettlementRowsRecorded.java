package com.omniops.events.settlement;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The next chunk of a settlement's rows (chunk 0 first, in file order). Chunks keep each event and each transaction
 * small however long the report is; rows count for nothing until {@link SettlementImported}.
 */
@Revision("1")
public record SettlementRowsRecorded(String settlementId, int chunk, List<SettlementRow> rows, Instant recordedAt)
        implements SettlementEvent {
    public SettlementRowsRecorded {
        rows = List.copyOf(rows);
    }
}
