package com.omniops.command.lookup;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

import static com.omniops.command.jooq.Tables.STOCK_ITEM_REGISTRY;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;

/** Which (warehouse, SKU) stock items have ever received stock. */
@Component
public class StockItemRegistry {

    private final DSLContext dsl;

    public StockItemRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void ensure(String warehouseId, String sku) {
        dsl.insertInto(STOCK_ITEM_REGISTRY)
                .set(STOCK_ITEM_REGISTRY.WAREHOUSE_ID, warehouseId)
                .set(STOCK_ITEM_REGISTRY.SKU, sku)
                .onConflictDoNothing()
                .execute();
    }

    public boolean exists(String warehouseId, String sku) {
        return dsl.fetchExists(STOCK_ITEM_REGISTRY,
                STOCK_ITEM_REGISTRY.WAREHOUSE_ID.eq(warehouseId).and(STOCK_ITEM_REGISTRY.SKU.eq(sku)));
    }

    /** The existing stock items among warehouses × skus, as stock item ids in ascending order (the lock order). */
    public List<String> existing(Collection<String> warehouseIds, Collection<String> skus) {
        if (warehouseIds.isEmpty() || skus.isEmpty()) {
            return List.of();
        }
        var stockItemId = concat(STOCK_ITEM_REGISTRY.WAREHOUSE_ID, inline(":"), STOCK_ITEM_REGISTRY.SKU);
        return dsl.select(stockItemId).from(STOCK_ITEM_REGISTRY)
                .where(STOCK_ITEM_REGISTRY.WAREHOUSE_ID.in(warehouseIds).and(STOCK_ITEM_REGISTRY.SKU.in(skus)))
                .orderBy(stockItemId)
                .fetch(stockItemId);
    }
}
