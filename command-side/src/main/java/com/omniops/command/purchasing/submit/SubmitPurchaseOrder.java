package com.omniops.command.purchasing.submit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitPurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId) {
}
