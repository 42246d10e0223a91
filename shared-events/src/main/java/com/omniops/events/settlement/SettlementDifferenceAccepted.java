package com.omniops.events.settlement;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Finance accepted a difference of an imported settlement with a reason: of one order ({@code orderId}: what the
 * settlement paid for it against what its payments, fees and refunds say), of one row ({@code rowNo}: a row left
 * unmatched or in suspense), or, with neither, of the settlement's total against its rows.
 */
@Revision("1")
public record SettlementDifferenceAccepted(String settlementId, String orderId, Long rowNo, String reason,
                                           String acceptedBy, Instant acceptedAt) implements SettlementEvent {
}
