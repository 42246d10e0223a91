package com.omniops.command.order.backorder;

/** Handled by {@link BackorderAllocation}: give a stock item's available units to waiting backorders. */
public record AllocateBackorders(String warehouseId, String sku) {
}
