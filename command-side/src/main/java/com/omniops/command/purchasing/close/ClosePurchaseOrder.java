package com.omniops.command.purchasing.close;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClosePurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String reason) {
}
