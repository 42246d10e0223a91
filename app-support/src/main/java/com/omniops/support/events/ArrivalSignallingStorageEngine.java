package com.omniops.support.events;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine of a {@link WakeableEventStore}: everything goes to the real engine; the one stream the
 * embedded store's reader thread reads ({@code readEvents(token, mayBlock = true)}; a processor reading on its own,
 * behind the store's cache, asks with {@code mayBlock = false}) signals an arrival after each event it hands
 * over ({@link ArrivalCallbacks} decides when the callbacks run). The reader thread puts the event into the cache while taking it, so when the callbacks run the event is there
 * for the processors to find. A processor replaying on its own stream does not wake the others.
 */
final class ArrivalSignallingStorageEngine extends DelegatingStorageEngine {

    private final ArrivalCallbacks arrivals;

    ArrivalSignallingStorageEngine(EventStorageEngine delegate, ArrivalCallbacks arrivals) {
        super(delegate);
        this.arrivals = arrivals;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? signalling(events) : events;
    }

    private Stream<TrackedEventMessage<?>> signalling(Stream<? extends TrackedEventMessage<?>> events) {
        Spliterator<? extends TrackedEventMessage<?>> source = events.spliterator();
        Spliterator<TrackedEventMessage<?>> signalling =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                        if (!source.tryAdvance(action)) {
                            return false;
                        }
                        arrivals.signal();
                        return true;
                    }
                };
        return StreamSupport.stream(signalling, false).onClose(events::close);
    }
}
