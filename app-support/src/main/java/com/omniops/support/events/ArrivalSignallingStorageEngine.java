package com.omniops.support.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine of a {@link WakeableEventStore}: everything goes to the real engine; the one stream the
 * embedded store's reader thread reads ({@code readEvents(token, mayBlock = true)}; a processor reading on its own,
 * behind the store's cache, asks with {@code mayBlock = false}) signals an arrival after each event it hands
 * over ({@link ArrivalCallbacks} decides when the callbacks run). The reader thread puts the event into the cache while taking it, so when the callbacks run the event is there
 * for the processors to find. A processor replaying on its own stream does not wake the others.
 */
final class ArrivalSignallingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final ArrivalCallbacks arrivals;

    ArrivalSignallingStorageEngine(EventStorageEngine delegate, ArrivalCallbacks arrivals) {
        this.delegate = delegate;
        this.arrivals = arrivals;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
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

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
