package com.omniops.command.channel;

import com.omniops.events.channel.AllocationStrategy;

import java.util.List;

/**
 * What order placement needs to know about a channel. {@code currency} is null for a channel registered before
 * channels had one (it accepts orders in any currency, as it always did).
 */
public record ChannelRules(String channelId, String currency, boolean pricesIncludeTax, List<String> warehouseIds,
                           AllocationStrategy allocationStrategy, boolean backordersAllowed) {
}
