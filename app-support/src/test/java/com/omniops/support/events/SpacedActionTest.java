package com.omniops.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a spaced wake-up runs: at once on the first signal after a quiet spell, at most once per spacing under a
 * stream of signals, and never later than one spacing after the last signal (no wake-up is lost).
 */
class SpacedActionTest {

    private static final long SPACING_MS = 200;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong lastRun = new AtomicLong();
    private final SpacedAction spaced = new SpacedAction(() -> {
        runs.incrementAndGet();
        lastRun.set(System.nanoTime());
    }, SPACING_MS, timer);

    @AfterEach
    void close() {
        timer.shutdownNow();
    }

    @Test
    void theFirstSignalAfterAQuietSpellRunsTheActionAtOnce() {
        spaced.signal();

        // On the signalling thread itself: no timer in between.
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBurstOfSignalsRunsTheActionOnceAtOnceAndOnceWhenTheSpacingIsOver() {
        for (int i = 0; i < 1_000; i++) {
            spaced.signal();
        }

        assertThat(runs).hasValue(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        // Nothing signalled since: no further run.
        await().during(Duration.ofMillis(3 * SPACING_MS)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.get() == 2);
    }

    @Test
    void underAStreamOfSignalsTheActionRunsAtMostOncePerSpacingAndAfterTheLastSignal() {
        long start = System.nanoTime();
        AtomicLong lastSignal = new AtomicLong(start);
        // a signal every millisecond, from a thread of its own, for five spacings
        ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> stream = events.scheduleAtFixedRate(() -> {
            lastSignal.set(System.nanoTime());
            spaced.signal();
        }, 0, 1, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lastSignal.get() - start >= Duration.ofMillis(5 * SPACING_MS).toNanos());
        stream.cancel(false);
        events.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(events::isTerminated);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        // One at once, then at most one per spacing (one more may have started while the elapsed time was taken).
        assertThat(runs.get()).isBetween(2, (int) (elapsedMs / SPACING_MS) + 2);
        long signalledLast = lastSignal.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> lastRun.get() >= signalledLast);
    }
}
