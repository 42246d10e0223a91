package com.omniops.command.product.discontinue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DiscontinueProduct(@TargetAggregateIdentifier String sku, String reason) {
}
