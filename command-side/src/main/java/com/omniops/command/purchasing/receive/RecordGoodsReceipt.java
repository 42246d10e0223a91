package com.omniops.command.purchasing.receive;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record RecordGoodsReceipt(@TargetAggregateIdentifier String purchaseOrderId, String receiptId,
                                 List<ReceivePurchaseOrder.Line> lines) {
}
