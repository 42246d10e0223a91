package com.omniops.command.purchasing.cancel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelPurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String reason) {
}
