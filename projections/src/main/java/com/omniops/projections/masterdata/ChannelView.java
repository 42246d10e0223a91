package com.omniops.projections.masterdata;

import java.time.Instant;
import java.util.List;

/**
 * A sales channel and its fulfilment rules: the warehouses feeding it in priority order (first = priority 1), how
 * orders are allocated over them, whether backorders are allowed, and the safety buffer held back per SKU.
 */
public record ChannelView(String channelId, String name, String type, List<String> warehouseIds,
                          String allocationStrategy, boolean backordersAllowed, int safetyBuffer,
                          Instant registeredAt) {
}
