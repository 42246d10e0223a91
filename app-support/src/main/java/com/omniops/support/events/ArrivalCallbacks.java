package com.omniops.support.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The availability callbacks of the open streams of one {@link WakeableEventStore}, and when they run. Each callback
 * is a coordinator's "schedule me now", which does nothing when it is already scheduled; each run of a coordinator
 * hands what it found to its work packages, and each of those commits a batch and its token. So how often the
 * callbacks run sets how many transactions the processors make, whatever the load:
 * <ul>
 * <li>{@link #signal()} (an event reached the store's cache) runs them at most once per spacing
 * ({@link SpacedAction}): at light load at once, on the first event of a commit; under load once per spacing, with
 * every event since, instead of once per event (measured: 3.8 token writes per order without a spacing, 0.8 with
 * 50 ms; docs/benchmarks.md "Tuning log").</li>
 * <li>Every {@code recheck} they run regardless: the re-check Axon's coordinator does by itself without a callback,
 * for a processor reading on its own behind the cache, which the store's reader thread does not signal.</li>
 * </ul>
 * Streams open and close rarely (processor start, segment claims, replays), events arrive often: a copy-on-write list
 * makes a run a plain iteration.
 */
final class ArrivalCallbacks {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final SpacedAction spaced;

    ArrivalCallbacks(long spacingMs, long recheckMs, ScheduledExecutorService timer) {
        this.spaced = new SpacedAction(this::run, spacingMs, timer);
        timer.scheduleWithFixedDelay(this::run, recheckMs, recheckMs, TimeUnit.MILLISECONDS);
    }

    void add(Runnable callback) {
        callbacks.add(callback);
    }

    void remove(Runnable callback) {
        callbacks.remove(callback);
    }

    /** An event can be read from the cache: run the callbacks now, or once the spacing since the last run is over. */
    void signal() {
        spaced.signal();
    }

    private void run() {
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }
}
