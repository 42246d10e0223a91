package com.omniops.events.transfer;

import com.omniops.events.Money;

/** Units that left the source warehouse, valued at the source's moving-average cost when they left. */
public record ShippedTransferLine(int lineNo, String sku, int quantity, Money unitCost) {
}
