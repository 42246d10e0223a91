package com.omniops.command.stock.hold;

import com.omniops.events.stock.StockHold;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Held units are scrapped: they leave on hand and their value is written off. */
public record WriteOffHeldStock(@TargetAggregateIdentifier String stockItemId, StockHold hold, int quantity,
                                String note) {
}
