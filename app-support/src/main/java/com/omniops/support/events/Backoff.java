package com.omniops.support.events;

/** The wait between reconnect attempts: 0.5 s, doubling up to 30 s, back to the start once connected. */
final class Backoff {

    static final long FIRST_MS = 500;
    static final long LAST_MS = 30_000;

    private long nextMs = FIRST_MS;

    long next() {
        long wait = nextMs;
        nextMs = Math.min(nextMs * 2, LAST_MS);
        return wait;
    }

    void reset() {
        nextMs = FIRST_MS;
    }
}
