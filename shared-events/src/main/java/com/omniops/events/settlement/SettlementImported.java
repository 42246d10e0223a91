package com.omniops.events.settlement;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of the settlement is recorded: from now on it counts. {@code rowsTotal} is the sum of the rows and
 * {@code totalsByKind} its parts; when the rows do not add up to the report's {@code total}, {@code exception} is set
 * and the difference is for finance to explain (the books put it in suspense).
 */
@Revision("1")
public record SettlementImported(String settlementId, String channelId, SettlementSource source, Money total,
                                 long rowCount, BigDecimal rowsTotal, Map<SettlementRowKind, BigDecimal> totalsByKind,
                                 boolean exception, Instant depositDate, Instant importedAt)
        implements SettlementEvent {
    public SettlementImported {
        totalsByKind = Collections.unmodifiableMap(new TreeMap<>(totalsByKind)); // in the enum's order, always
    }
}
