package com.omniops.command.stock.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code issuedAt}: when the units left (the shipment's instant); null means now. */
public record IssueStock(@TargetAggregateIdentifier String stockItemId, String orderId, int lineNo, String shipmentId,
                         int quantity, Instant issuedAt) {
}
