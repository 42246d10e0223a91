package com.omniops.system.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared command side's clock in the tests: the system's, moved forward by an offset a test sets and takes back
 * ({@link #shift}, {@link #reset}); so "two days later" can be made to happen (an order goes late, its durable
 * ship-by deadline fires) without waiting two days. Suites run one after another, and each test that shifts it resets
 * it when it ends.
 */
public final class ShiftableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void shift(Duration by) {
        offset.set(by);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
