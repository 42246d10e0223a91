package com.omniops.command.stock.receive;

import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReceiveStock(@TargetAggregateIdentifier String stockItemId, String warehouseId, String sku, int quantity,
                           Money unitCost, ReceiptSource source, String reference) {
}
