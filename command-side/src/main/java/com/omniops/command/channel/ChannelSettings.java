package com.omniops.command.channel;

import com.omniops.events.channel.AllocationStrategy;

import java.util.List;

/** A channel's fulfilment rules as they stand, and whether the command that answers them changed any. */
public record ChannelSettings(String channelId, List<String> warehouseIds, AllocationStrategy allocationStrategy,
                              boolean backordersAllowed, int safetyBuffer, boolean changed) {
}
