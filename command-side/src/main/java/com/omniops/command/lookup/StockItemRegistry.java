package com.omniops.command.lookup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/** Which (warehouse, SKU) stock items have ever received stock. */
@Component
public class StockItemRegistry {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public StockItemRegistry(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public void ensure(String warehouseId, String sku) {
        jdbc.update("INSERT INTO stock_item_registry (warehouse_id, sku) VALUES (?, ?) ON CONFLICT DO NOTHING",
                warehouseId, sku);
    }

    public boolean exists(String warehouseId, String sku) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM stock_item_registry WHERE warehouse_id = ? AND sku = ?",
                Integer.class, warehouseId, sku);
        return n != null && n > 0;
    }

    /** The existing stock items among warehouses × skus, as stock item ids in ascending order (the lock order). */
    public List<String> existing(Collection<String> warehouseIds, Collection<String> skus) {
        if (warehouseIds.isEmpty() || skus.isEmpty()) {
            return List.of();
        }
        return named.queryForList("SELECT warehouse_id || ':' || sku FROM stock_item_registry "
                        + "WHERE warehouse_id IN (:warehouses) AND sku IN (:skus) ORDER BY 1",
                new MapSqlParameterSource().addValue("warehouses", warehouseIds).addValue("skus", skus),
                String.class);
    }
}
