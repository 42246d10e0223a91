package com.omniops.command.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} commands run at once; the others wait in arrival order, each at most {@code waitMs}. A
 * command that does not get in by then is turned away before it has done anything, so under overload the machine
 * keeps placing orders at its capacity and says "busy" to the rest at once, instead of every request taking a thread,
 * a connection and locks and most of them failing after the pool's timeout.
 */
final class AdmissionGate {

    private final Semaphore permits;
    private final long waitMs;

    AdmissionGate(int limit, long waitMs) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        this.permits = new Semaphore(limit, true);
        this.waitMs = waitMs;
    }

    /** True when the command may run (then {@link #leave()} must follow); false when it waited in vain. */
    boolean enter() {
        try {
            return permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }

    /** Commands waiting for their turn now (for logs). */
    int waiting() {
        return permits.getQueueLength();
    }
}
