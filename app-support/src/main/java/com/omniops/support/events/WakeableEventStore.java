package com.omniops.support.events;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's {@link EmbeddedEventStore} with two ways to hear of new events sooner than its next poll. Where the delay
 * came from (Axon 4.13 sources):
 * <ul>
 * <li>The store's one reader thread ({@code EventProducer}) fetches new events into a cache the processors tail, then
 * sleeps {@code fetchDelay} ms when it found nothing. Only a commit in this JVM ({@code afterCommit}) cuts the sleep
 * short. {@link #fetchNow()} does the same for events another process committed (a PostgreSQL NOTIFY,
 * {@link EventAppendListener}).</li>
 * <li>A pooled streaming processor's coordinator, once its stream has nothing more, looks again only after 500 ms
 * unless the stream offers an availability callback ({@code BlockingStream.setOnAvailableCallback}), which the
 * embedded store's streams do not. So an event was seen on average ~250 ms after it reached the cache, even when it
 * was committed in this very JVM. The streams this store opens do offer the callback: it runs each time the reader
 * thread has put an event into the cache, so the coordinators start at once. (With a callback the coordinator's own
 * re-check becomes its claim-extension interval, 5 s.)</li>
 * </ul>
 * Both wake-ups run at most once per {@code wakeSpacingMs} ({@link SpacedAction}): at light load at once, under load
 * once per spacing with everything since. Without that, each commit made the reader thread fetch (two queries, one
 * mostly empty) and each fetched event made every processor commit a batch of its own: 13 fetch queries and 3.8
 * token writes per order under load.
 * A processor that reads on its own, behind the cache, is not fed by the reader thread; the embedded store moves it
 * back to the cache only when the tokens match, which gaps in the global index can prevent for a while. So the
 * callbacks also run every {@value #RECHECK_MS} ms, the re-check Axon does without a callback: no processor ever
 * waits longer than before, and an idle one costs what it did.
 * Both paths only shorten waits: with neither a notification nor a local commit the store still polls every
 * {@code fetchDelay} ms and the processors still find every event.
 */
public final class WakeableEventStore extends EmbeddedEventStore {

    /** Axon's coordinator re-checks a stream without availability callback this often (ms). */
    static final long RECHECK_MS = 500;

    private final ScheduledExecutorService timer;
    private final ArrivalCallbacks arrivals;
    private final SpacedAction fetch;
    private final Runnable afterLocalCommit;

    private WakeableEventStore(Builder builder, ScheduledExecutorService timer, ArrivalCallbacks arrivals,
                               long wakeSpacingMs, Runnable afterLocalCommit) {
        super(builder);
        this.timer = timer;
        this.arrivals = arrivals;
        // The embedded store's afterCommit only wakes its reader thread (when it sleeps): with no events, a fetch.
        this.fetch = new SpacedAction(() -> super.afterCommit(List.of()), wakeSpacingMs, timer);
        this.afterLocalCommit = afterLocalCommit;
    }

    /**
     * The store the apps use, built as Axon's auto-configuration builds its embedded store (monitor and span factory
     * from Axon's configuration).
     *
     * @param fetchDelayMs     how long the reader thread sleeps when it found no new events
     * @param wakeSpacingMs    the least time between two wake-ups of the processors by new events (0: every event)
     * @param afterLocalCommit runs after each commit of events appended in this JVM (the command side announces
     *                         them to other processes, {@link EventAppendNotifier})
     */
    public static WakeableEventStore create(EventStorageEngine storageEngine,
                                            MessageMonitor<? super EventMessage<?>> messageMonitor,
                                            EventBusSpanFactory spanFactory, long fetchDelayMs, long wakeSpacingMs,
                                            Runnable afterLocalCommit) {
        return create(storageEngine, messageMonitor, spanFactory, fetchDelayMs, wakeSpacingMs, afterLocalCommit,
                RECHECK_MS);
    }

    static WakeableEventStore create(EventStorageEngine storageEngine,
                                     MessageMonitor<? super EventMessage<?>> messageMonitor,
                                     EventBusSpanFactory spanFactory, long fetchDelayMs, long wakeSpacingMs,
                                     Runnable afterLocalCommit, long recheckMs) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-wake");
            thread.setDaemon(true);
            return thread;
        });
        ArrivalCallbacks arrivals = new ArrivalCallbacks(wakeSpacingMs, recheckMs, timer);
        Builder builder = EmbeddedEventStore.builder()
                .storageEngine(new ArrivalSignallingStorageEngine(new IndexMarkingStorageEngine(storageEngine), arrivals))
                .messageMonitor(messageMonitor)
                .spanFactory(spanFactory)
                .fetchDelay(fetchDelayMs);
        return new WakeableEventStore(builder, timer, arrivals, wakeSpacingMs, afterLocalCommit);
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }

    /**
     * Events were committed elsewhere: the reader thread fetches now (or, under load, at the end of the spacing)
     * instead of at the end of its sleep.
     */
    public void fetchNow() {
        fetch.signal();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        fetch.signal();
        afterLocalCommit.run();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallbackStream(super.openStream(trackingToken), arrivals);
    }

    /**
     * A stream of the embedded store that also takes an availability callback. All other calls go to the store's
     * own stream, on the processor's coordinator thread as before: the callback only schedules that thread.
     */
    private static final class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final ArrivalCallbacks arrivals;
        private Runnable callback;

        private CallbackStream(TrackingEventStream delegate, ArrivalCallbacks arrivals) {
            this.delegate = delegate;
            this.arrivals = arrivals;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                arrivals.remove(this.callback);
            }
            this.callback = callback;
            arrivals.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            synchronized (this) {
                if (callback != null) {
                    arrivals.remove(callback);
                    callback = null;
                }
            }
            delegate.close();
        }
    }
}
