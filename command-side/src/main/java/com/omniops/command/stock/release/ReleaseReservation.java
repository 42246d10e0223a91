package com.omniops.command.stock.release;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseReservation(@TargetAggregateIdentifier String stockItemId, String orderId, int lineNo,
                                 String reason) {
}
