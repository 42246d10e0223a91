package com.omniops.events.order;

/** Units of one order line the customer returns, and why. */
public record ReturnLine(int lineNo, String sku, int quantity, ReturnReason reason, String note) {
}
