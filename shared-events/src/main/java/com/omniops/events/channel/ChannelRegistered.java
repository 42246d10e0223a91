package com.omniops.events.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A sales channel and its fulfilment rules. {@code warehouseIds} is in priority order; {@code safetyBuffer} units per
 * SKU are held back from what the channel is told it may sell.
 * <p>
 * Revision 2 added {@code currency} (ISO 4217; the channel accepts orders in it only) and {@code pricesIncludeTax}
 * (true: the channel's prices are gross, tax included, as B2C channels usually are; false: net, tax added, as B2B).
 * A channel registered before revision 2 reads back with {@code currency} null, which means "not recorded: orders in
 * any currency are accepted" (as they were), and {@code pricesIncludeTax} false (see {@code ChannelRegisteredUpcaster}).
 */
@Revision("2")
public record ChannelRegistered(String channelId, String name, ChannelType type, String currency,
                                boolean pricesIncludeTax, List<String> warehouseIds,
                                AllocationStrategy allocationStrategy, boolean backordersAllowed, int safetyBuffer,
                                Instant registeredAt) implements ChannelEvent {
    public ChannelRegistered {
        warehouseIds = List.copyOf(warehouseIds);
    }
}
