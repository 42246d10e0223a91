package com.omniops.support.events;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An action run on signals, at most once per spacing: {@link #signal()} runs it at once when it last ran at least
 * {@code spacing} ago (at light load, always), otherwise once the spacing is over, and every signal until then is
 * covered by that one run. No signal is lost: one that arrives while the action runs gets a run of its own.
 * <p>
 * Used where each run costs a database round trip or a transaction whatever it finds (a fetch of new events, a batch
 * of each event processor): at light load nothing waits, under load the cost is bounded by the spacing instead of
 * growing with the rate of events.
 */
final class SpacedAction {

    private final Runnable action;
    private final long spacingNanos;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean runDue = new AtomicBoolean();
    private volatile long lastRunNanos;

    SpacedAction(Runnable action, long spacingMs, ScheduledExecutorService timer) {
        if (spacingMs < 0) {
            throw new IllegalArgumentException("spacing must not be negative: " + spacingMs);
        }
        this.action = action;
        this.spacingNanos = TimeUnit.MILLISECONDS.toNanos(spacingMs);
        this.timer = timer;
        this.lastRunNanos = System.nanoTime() - spacingNanos;
    }

    /** Something happened: run the action now, or once the spacing since its last run is over. */
    void signal() {
        if (!runDue.compareAndSet(false, true)) {
            return;
        }
        long wait = lastRunNanos + spacingNanos - System.nanoTime();
        if (wait <= 0) {
            run();
        } else {
            timer.schedule(this::run, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        lastRunNanos = System.nanoTime();
        // Cleared before the run, not after: a signal that arrives while the action runs gets a run of its own.
        runDue.set(false);
        action.run();
    }
}
