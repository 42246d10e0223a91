package com.omniops.command.stock.count;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectStockCount(@TargetAggregateIdentifier String stockItemId, String countId, String rejectedBy,
                               String reason) {
}
