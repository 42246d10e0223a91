package com.omniops.projections.masterdata;

import java.time.Instant;
import java.util.List;

/**
 * A sales channel and its fulfilment rules: the warehouses feeding it in priority order (first = priority 1), how
 * orders are allocated over them, whether backorders are allowed, the safety buffer held back per SKU, the currency
 * its orders must be in ({@code null}: any, a channel registered before channels had one) and whether its prices
 * include tax; {@code settingsChangedAt}: when its rules last changed after registration (null: never).
 */
public record ChannelView(String channelId, String name, String type, List<String> warehouseIds,
                          String allocationStrategy, boolean backordersAllowed, int safetyBuffer,
                          String currency, boolean pricesIncludeTax, Instant registeredAt,
                          Instant settingsChangedAt) {
}
