package com.omniops.command.transfer.receive;

import com.omniops.events.Money;

/** Units of one SKU that arrived, valued at the source's moving-average cost when they were shipped. */
public record ReceivedUnits(String sku, int quantity, Money unitCost) {
}
