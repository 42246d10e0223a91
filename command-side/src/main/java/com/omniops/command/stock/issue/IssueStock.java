package com.omniops.command.stock.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueStock(@TargetAggregateIdentifier String stockItemId, String orderId, int lineNo, String shipmentId,
                         int quantity) {
}
