package com.omniops.command.stock.adjust;

import com.omniops.events.stock.AdjustmentReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdjustStock(@TargetAggregateIdentifier String stockItemId, int quantityDelta, AdjustmentReason reason,
                          String note) {
}
