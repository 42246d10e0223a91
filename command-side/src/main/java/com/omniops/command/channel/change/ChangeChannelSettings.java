package com.omniops.command.channel.change;

import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Changes a registered channel's fulfilment rules; a null field keeps its current value. {@code reason} is the
 * user's note for the audit trail (may be null).
 */
public record ChangeChannelSettings(String channelId, List<String> warehouseIds,
                                    AllocationStrategy allocationStrategy, Boolean backordersAllowed,
                                    Integer safetyBuffer, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.channel(channelId);
    }
}
