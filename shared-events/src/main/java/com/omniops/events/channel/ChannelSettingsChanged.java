package com.omniops.events.channel;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A channel's fulfilment rules after a change made once it was registered: all of them, changed or not, so a reader
 * needs no earlier event to know the channel's rules. They apply to orders placed after the change; orders placed
 * before keep the allocation they got. {@code warehouseIds} is in priority order; {@code reason} is the user's note
 * (may be null). Who changed it is in the event's metadata, as for every command.
 */
@Revision("1")
public record ChannelSettingsChanged(String channelId, List<String> warehouseIds,
                                     AllocationStrategy allocationStrategy, boolean backordersAllowed,
                                     int safetyBuffer, String reason, Instant changedAt) implements ChannelEvent {
    public ChannelSettingsChanged {
        warehouseIds = List.copyOf(warehouseIds);
    }
}
