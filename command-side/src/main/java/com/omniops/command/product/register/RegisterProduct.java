package com.omniops.command.product.register;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterProduct(@TargetAggregateIdentifier String sku, String name, String unitOfMeasure,
                              String taxCategory) {
}
