package com.omniops.command.channel.register;

import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * {@code currency}: the ISO 4217 currency the channel sells in (orders in another are refused);
 * {@code pricesIncludeTax}: whether its prices are gross (tax included, B2C) or net (tax added, B2B).
 */
public record RegisterChannel(String channelId, String name, ChannelType type, String currency,
                              boolean pricesIncludeTax, List<String> warehouseIds,
                              AllocationStrategy allocationStrategy, boolean backordersAllowed, int safetyBuffer) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.channel(channelId);
    }
}
