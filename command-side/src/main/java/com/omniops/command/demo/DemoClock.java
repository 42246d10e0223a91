package com.omniops.command.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: while the loader simulates past months it stands at the simulated instant, so every business
 * instant in the events (placed, shipped, delivered) lies in the past; afterwards it follows the system clock.
 */
public class DemoClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private volatile Instant simulated;

    public void set(Instant instant) {
        simulated = instant;
    }

    public void release() {
        simulated = null;
    }

    /** The real time, whatever the simulation says: when the load started, where the simulated history ends. */
    public Instant wallInstant() {
        return system.instant();
    }

    @Override
    public Instant instant() {
        Instant now = simulated;
        return now != null ? now : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo clock is UTC only");
    }
}
