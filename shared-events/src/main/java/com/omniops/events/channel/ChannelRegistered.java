package com.omniops.events.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A sales channel and its fulfilment rules. {@code warehouseIds} is in priority order; {@code safetyBuffer} units per
 * SKU are held back from what the channel is told it may sell.
 */
@Revision("1")
public record ChannelRegistered(String channelId, String name, ChannelType type, List<String> warehouseIds,
                                AllocationStrategy allocationStrategy, boolean backordersAllowed, int safetyBuffer,
                                Instant registeredAt) implements ChannelEvent {
    public ChannelRegistered {
        warehouseIds = List.copyOf(warehouseIds);
    }
}
