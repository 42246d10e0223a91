package com.omniops.events.settlement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Finance tied a row of an imported settlement to an order by hand (the row named an order reference nobody knows,
 * or none). {@code rowNo} is the row's place in the settlement (0 for the first row recorded, in file order).
 */
@Revision("1")
public record SettlementRowMatched(String settlementId, long rowNo, String orderId, String note, String matchedBy,
                                   Instant matchedAt) implements SettlementEvent {
}
