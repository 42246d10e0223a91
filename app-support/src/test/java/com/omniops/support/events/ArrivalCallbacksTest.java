package com.omniops.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the streams' callbacks run: at once on the first event after a quiet spell, at most once per spacing under a
 * stream of events, and never later than one spacing after the last event (no wake-up is lost). The periodic
 * re-check is a minute here, so only signals can run them.
 */
class ArrivalCallbacksTest {

    private static final long SPACING_MS = 200;
    private static final long A_MINUTE = 60_000;

    private final ArrivalCallbacks arrivals = new ArrivalCallbacks(SPACING_MS, A_MINUTE);
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void close() {
        arrivals.close();
    }

    @Test
    void theFirstEventAfterAQuietSpellRunsTheCallbacksAtOnce() {
        arrivals.add(runs::incrementAndGet);

        arrivals.signal();

        // On the signalling thread itself: no timer in between.
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBurstOfEventsRunsTheCallbacksOnceAtOnceAndOnceWhenTheSpacingIsOver() {
        arrivals.add(runs::incrementAndGet);

        for (int i = 0; i < 1_000; i++) {
            arrivals.signal();
        }

        assertThat(runs).hasValue(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        // Nothing signalled since: no further run.
        await().during(Duration.ofMillis(3 * SPACING_MS)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.get() == 2);
    }

    @Test
    void underAStreamOfEventsTheCallbacksRunAtMostOncePerSpacingAndAfterTheLastEvent() throws InterruptedException {
        AtomicLong lastRun = new AtomicLong();
        arrivals.add(() -> {
            runs.incrementAndGet();
            lastRun.set(System.nanoTime());
        });
        long start = System.nanoTime();
        long lastSignal = start;

        while (lastSignal - start < Duration.ofMillis(5 * SPACING_MS).toNanos()) {
            lastSignal = System.nanoTime();
            arrivals.signal();
            Thread.sleep(1);
        }
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        // One at once, then at most one per spacing (one more may have started while the elapsed time was taken).
        assertThat(runs.get()).isBetween(2, (int) (elapsedMs / SPACING_MS) + 2);
        long signalledLast = lastSignal;
        await().atMost(Duration.ofSeconds(5)).until(() -> lastRun.get() >= signalledLast);
    }

    @Test
    void aRemovedCallbackNoLongerRuns() {
        Runnable callback = runs::incrementAndGet;
        arrivals.add(callback);
        arrivals.remove(callback);

        arrivals.signal();

        assertThat(runs).hasValue(0);
    }
}
