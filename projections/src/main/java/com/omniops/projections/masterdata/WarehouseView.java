package com.omniops.projections.masterdata;

import java.util.List;

/**
 * A warehouse as the events know it (there is no warehouse aggregate): an id named by a channel or by a stock item,
 * the channels it feeds with its priority there (1 = first choice), and how many stock items (SKUs) it holds.
 */
public record WarehouseView(String warehouseId, List<Feeds> channels, int stockItems) {

    public record Feeds(String channelId, int priority) {
    }
}
