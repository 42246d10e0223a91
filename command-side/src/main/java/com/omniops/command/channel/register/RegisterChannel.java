package com.omniops.command.channel.register;

import com.omniops.command.channel.Channel;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record RegisterChannel(String channelId, String name, ChannelType type, List<String> warehouseIds,
                              AllocationStrategy allocationStrategy, boolean backordersAllowed, int safetyBuffer) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Channel.idOf(channelId);
    }
}
