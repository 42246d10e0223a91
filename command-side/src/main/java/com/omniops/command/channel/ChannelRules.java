package com.omniops.command.channel;

import com.omniops.events.channel.AllocationStrategy;

import java.util.List;

/** What order placement needs to know about a channel. */
public record ChannelRules(String channelId, List<String> warehouseIds, AllocationStrategy allocationStrategy,
                           boolean backordersAllowed) {
}
