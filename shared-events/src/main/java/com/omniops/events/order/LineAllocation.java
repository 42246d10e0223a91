package com.omniops.events.order;

/** Units of an order line reserved in one warehouse. */
public record LineAllocation(int lineNo, String sku, String warehouseId, int quantity) {
}
