package com.omniops.command.product.listing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ListProductOnChannel(@TargetAggregateIdentifier String sku, String channelId, String channelSku) {
}
