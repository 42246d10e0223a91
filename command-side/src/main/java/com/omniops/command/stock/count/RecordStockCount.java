package com.omniops.command.stock.count;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A counter found {@code countedQuantity} units; {@code countId} is generated at the edge. */
public record RecordStockCount(@TargetAggregateIdentifier String stockItemId, String countId, int countedQuantity,
                               String note, String countedBy) {
}
