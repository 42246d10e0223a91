package com.omniops.support.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The availability callbacks of the open streams of one {@link WakeableEventStore}, and when they run. Each callback
 * is a coordinator's "schedule me now", which does nothing when it is already scheduled; each run of a coordinator
 * hands what it found to its work packages, and each of those commits a batch and its token. So how often the
 * callbacks run sets how many transactions the processors make, whatever the load:
 * <ul>
 * <li>{@link #signal()} (an event reached the store's cache) runs them at once when they last ran at least
 * {@code spacing} ago, which is always the case at light load: the processors start on the first event of a commit.
 * Otherwise it runs them once the spacing is over, and every signal until then is covered by that one run. Under
 * load the processors thus start at most once per spacing, with that many milliseconds of events at a time, instead
 * of once per event (measured: 3.8 token writes per order without a spacing; docs/benchmarks.md "Tuning log").</li>
 * <li>Every {@code recheck} they run regardless: the re-check Axon's coordinator does by itself without a callback,
 * for a processor reading on its own behind the cache, which the store's reader thread does not signal.</li>
 * </ul>
 * Streams open and close rarely (processor start, segment claims, replays), events arrive often: a copy-on-write list
 * makes a run a plain iteration.
 */
final class ArrivalCallbacks implements AutoCloseable {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final long spacingNanos;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean runDue = new AtomicBoolean();
    private volatile long lastRunNanos;

    ArrivalCallbacks(long spacingMs, long recheckMs) {
        this.spacingNanos = TimeUnit.MILLISECONDS.toNanos(spacingMs);
        this.lastRunNanos = System.nanoTime() - spacingNanos;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-wake");
            thread.setDaemon(true);
            return thread;
        });
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
        if (!runDue.compareAndSet(false, true)) {
            return;
        }
        long wait = lastRunNanos + spacingNanos - System.nanoTime();
        if (wait <= 0) {
            runSignalled();
        } else {
            timer.schedule(this::runSignalled, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void runSignalled() {
        lastRunNanos = System.nanoTime();
        // Cleared before the run, not after: an event signalled while the callbacks run gets a run of its own.
        runDue.set(false);
        run();
    }

    private void run() {
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
