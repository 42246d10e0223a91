package com.omniops.command.stock.reserve;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReserveStock(@TargetAggregateIdentifier String stockItemId, String orderId, int lineNo, int quantity) {
}
