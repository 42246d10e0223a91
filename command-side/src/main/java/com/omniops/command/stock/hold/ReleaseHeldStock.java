package com.omniops.command.stock.hold;

import com.omniops.events.stock.StockHold;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Held (quarantined or refurbished) units become sellable again. */
public record ReleaseHeldStock(@TargetAggregateIdentifier String stockItemId, StockHold hold, int quantity,
                               String note) {
}
