package com.omniops.command.stock;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;

/** Ways to reach a stock item from outside its aggregate. */
public final class StockItems {

    private StockItems() {
    }

    /** Creates an empty stock item for {@code Repository.loadOrCreate}, as Axon does for CREATE_IF_MISSING commands. */
    public static StockItem empty() {
        return new StockItem();
    }

    /**
     * The id of a stock item that exists (has received units), for endpoints that act on one; a never-received
     * SKU is STOCK_ITEM_NOT_FOUND rather than an empty aggregate.
     */
    public static String requireExisting(StockItemRegistry registry, String warehouseId, String sku) {
        BusinessRuleViolation.require(registry.exists(warehouseId, sku), ErrorCode.STOCK_ITEM_NOT_FOUND,
                "Warehouse " + warehouseId + " has never received SKU " + sku + ".");
        return StreamIds.stockItem(warehouseId, sku);
    }
}
