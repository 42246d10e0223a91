package com.omniops.command.settlement.importing;

import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.settlement.SettlementSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Begin (or resume) the import of a report that was read whole and found well-formed. */
public record StartSettlementImport(String settlementId, String channelId, SettlementSource source, String reportId,
                                    Instant periodStart, Instant periodEnd, Instant depositDate, Money total,
                                    long rowCount, String fileName, String fileSha256, String importedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.settlement(settlementId);
    }
}
