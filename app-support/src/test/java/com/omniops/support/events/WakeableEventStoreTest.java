package com.omniops.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DefaultEventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.tracing.NoOpSpanFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The availability callback of {@link WakeableEventStore}'s streams, which lets a pooled processor's coordinator start
 * at once instead of at its 500 ms re-check. The poll interval and the store's own periodic re-check are a minute, so
 * only the local commit can wake the store and only the fetched event can run the callback.
 * (NOTIFY, LISTEN and {@code fetchNow} are covered by the system tests, on PostgreSQL: EventWakeUpTest.)
 */
class WakeableEventStoreTest {

    private static final long A_MINUTE = 60_000;

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final AtomicInteger localCommits = new AtomicInteger();
    private final WakeableEventStore store = store(localCommits::incrementAndGet);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEventCommittedInThisProcessRunsTheStreamsCallbackOnceItCanBeRead() throws InterruptedException {
        CountDownLatch available = new CountDownLatch(1);
        TrackingEventStream stream = tailing(store, available);

        store.publish(GenericEventMessage.asEventMessage("placed"));

        assertThat(available.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("placed");
        assertThat(localCommits).hasValue(1);
        stream.close();
    }

    @Test
    void aClosedStreamsCallbackNoLongerRuns() throws InterruptedException {
        CountDownLatch closedOnes = new CountDownLatch(1);
        tailing(store, closedOnes).close();
        CountDownLatch openOnes = new CountDownLatch(1);
        TrackingEventStream open = tailing(store, openOnes);

        store.publish(GenericEventMessage.asEventMessage("placed"));

        assertThat(openOnes.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closedOnes.getCount()).isEqualTo(1);
        open.close();
    }

    /** A stream at the head of the (empty) store, reading from the store's shared cache, with a callback. */
    private static TrackingEventStream tailing(WakeableEventStore store, CountDownLatch available)
            throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        assertThat(stream.setOnAvailableCallback(available::countDown)).isTrue();
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private WakeableEventStore store(Runnable afterLocalCommit) {
        return WakeableEventStore.create(storage, NoOpMessageMonitor.INSTANCE,
                DefaultEventBusSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build(), A_MINUTE, 0,
                afterLocalCommit, A_MINUTE);
    }
}
