package com.omniops.command.purchasing.receive;

import java.util.List;

/** Handled by {@link PurchaseOrderReceiving}: books a goods receipt on the order and the stock in one transaction. */
public record ReceivePurchaseOrder(String purchaseOrderId, String receiptId, List<Line> lines) {

    public ReceivePurchaseOrder {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, int quantity) {
    }
}
