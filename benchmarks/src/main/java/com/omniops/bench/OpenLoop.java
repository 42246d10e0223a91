package com.omniops.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed arrival rate, as customers arrive whether or not the system is slow: request i is due at start + i / rate
 * and is sent asynchronously at that time, however many are still outstanding. Its latency counts from that intended
 * time (corrected for coordinated omission). One thread does nothing but pace and hand requests to the HTTP client,
 * so it stays on time; when it does not, the report says so.
 */
final class OpenLoop {

    private final Api api;
    private final OrderFactory orders;
    private final Outcomes outcomes;
    private final Options options;
    private final AtomicInteger inFlight = new AtomicInteger();

    OpenLoop(Api api, OrderFactory orders, Outcomes outcomes, Options options) {
        this.api = api;
        this.orders = orders;
        this.outcomes = outcomes;
        this.options = options;
    }

    /** Offers the rate from {@code start} until {@code until} (System.nanoTime), then waits for the answers. */
    GeneratorHealth run(long start, long until) throws InterruptedException {
        double interval = 1e9 / options.rate();
        long sent = 0;
        long late = 0;
        long notSent = 0;
        long maxLateness = 0;
        int maxInFlight = 0;
        for (long i = 0; ; i++) {
            long intended = start + Math.round(i * interval);
            if (intended >= until) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long lateness = System.nanoTime() - intended;
            maxLateness = Math.max(maxLateness, lateness);
            if (lateness > GeneratorHealth.LATE_MILLIS * 1_000_000 && outcomes.inWindow(intended)) {
                late++;
            }
            if (inFlight.get() >= options.maxInFlight()) {
                if (outcomes.inWindow(intended)) {
                    notSent++;
                }
                continue;
            }
            maxInFlight = Math.max(maxInFlight, inFlight.incrementAndGet());
            sent++;
            api.postAsync("/api/orders", orders.next(), options.idempotencyKeys())
                    .whenComplete((response, failure) -> {
                        inFlight.decrementAndGet();
                        outcomes.record(intended, response, failure);
                    });
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        if (inFlight.get() > 0) {
            System.out.printf("** %d requests still unanswered 90 s after the load stopped **%n", inFlight.get());
        }
        return new GeneratorHealth("open", sent, late, maxLateness / 1e6, notSent, maxInFlight);
    }
}
