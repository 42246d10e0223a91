package com.omniops.command.stock.count;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveStockCount(@TargetAggregateIdentifier String stockItemId, String countId, String approvedBy,
                                String note) {
}
