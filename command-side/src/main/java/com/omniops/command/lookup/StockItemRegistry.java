package com.omniops.command.lookup;

import com.omniops.support.sql.StatementShape;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

import static com.omniops.command.jooq.Tables.STOCK_ITEM_REGISTRY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/** Which (warehouse, SKU) stock items have ever received stock. */
@Component
public class StockItemRegistry {

    private static final Field<String> STOCK_ITEM_ID = concat(STOCK_ITEM_REGISTRY.WAREHOUSE_ID, inline(":"),
            STOCK_ITEM_REGISTRY.SKU);

    private final DSLContext dsl;
    /** Every placement asks this: a {@link StatementShape}, rendered once, warehouses and SKUs as array values. */
    private final StatementShape existing;

    public StockItemRegistry(DSLContext dsl) {
        this.dsl = dsl;
        this.existing = StatementShape.of(dsl, dsl.select(STOCK_ITEM_ID).from(STOCK_ITEM_REGISTRY)
                        .where(STOCK_ITEM_REGISTRY.WAREHOUSE_ID.eq(any(param("warehouseIds", String[].class)))
                                .and(STOCK_ITEM_REGISTRY.SKU.eq(any(param("skus", String[].class)))))
                        .orderBy(STOCK_ITEM_ID),
                "warehouseIds", "skus");
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
        return existing.fetch(warehouseIds.toArray(String[]::new), skus.toArray(String[]::new))
                .getValues(STOCK_ITEM_ID);
    }
}
