package com.omniops.support.events;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Hands out every tracked event marked with its own global index ({@link StreamIndex}). */
final class IndexMarkingStorageEngine extends DelegatingStorageEngine {

    IndexMarkingStorageEngine(EventStorageEngine delegate) {
        super(delegate);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return StreamIndex.marked(super.readEvents(trackingToken, mayBlock), trackingToken);
    }
}
