package com.omniops.projections.availability;

import java.util.List;

/**
 * What a channel may sell of one SKU: {@code availableToSell} = max(0, Σ available in the channel's warehouses −
 * safety buffer); {@code warehouses} in the channel's priority order.
 */
public record ChannelAvailability(String channelId, String sku, String channelSku, int availableToSell,
                                  int safetyBuffer, List<WarehouseAvailability> warehouses) {

    public ChannelAvailability {
        warehouses = List.copyOf(warehouses);
    }
}
