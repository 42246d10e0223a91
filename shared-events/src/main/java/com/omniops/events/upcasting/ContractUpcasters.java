package com.omniops.events.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The one list of upcasters of the stored event contract, in the order they run. Both apps register it (as one
 * {@code EventUpcasterChain} bean, which Axon's Spring Boot support adds to the upcaster chain of the event store), so
 * an upcaster added here is applied wherever events are read: aggregates on the command side, projections, audit and
 * replays on the query side.
 * <p>
 * Evolving an event: raise its {@code @Revision}, write a {@code SingleEventUpcaster} next to it that turns the
 * previous revision's stored JSON into the new one (test it on a stored JSON fixture of the old revision), append it
 * to this list, and add the new approved sample. Upcasters of one type must be listed oldest revision first.
 */
public final class ContractUpcasters {

    private ContractUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new OrderShippedUpcaster(), new ChannelRegisteredUpcaster(), new OrderPlacedUpcaster());
    }
}
