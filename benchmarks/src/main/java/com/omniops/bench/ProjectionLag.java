package com.omniops.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Projection lag, commit → visible on the query side: every {@code lag-sample-ms} the first order placed after that
 * moment becomes a sample, and one follower asks the query side for the oldest sample not yet seen ({@code GET
 * /api/orders/{id}}) every {@value #POLL_MS} ms; lag = first time it answers 200 − when the placement's 201 arrived.
 * Taking the first order after the tick, not the newest before it, keeps the sample's age out of the lag: at light
 * load the newest order before a tick is on average half an inter-arrival time old, which a follower of the newest
 * order would count as lag (before 2026-12-03 it did: ~50 ms of the light-load p50). The follower's own poll adds at
 * most {@value #POLL_MS} ms. Following only the oldest sample keeps its load on the query side at about
 * {@code 1000 / POLL_MS} requests/s whatever the lag; a newer sample is asked for as soon as the one before it is
 * seen, so when read models apply events out of order across segments a sample can be counted late by at most the
 * time the one before it still needed.
 */
final class ProjectionLag {

    private static final int MAX_PENDING = 10_000;
    private static final long POLL_MS = 10;

    private final Api api;
    private final Outcomes outcomes;
    private final long sampleNanos;
    private final Histogram lagMillis = new Histogram(3);
    private final Deque<Outcomes.Placed> pending = new ArrayDeque<>();
    private volatile boolean stopped;
    private Thread follower;
    private long followerErrors;

    ProjectionLag(Api api, Outcomes outcomes, int sampleMillis) {
        this.api = api;
        this.outcomes = outcomes;
        this.sampleNanos = TimeUnit.MILLISECONDS.toNanos(sampleMillis);
    }

    void start() {
        follower = Thread.ofPlatform().name("lag-follower").daemon().start(this::follow);
    }

    private void follow() {
        long nextSample = System.nanoTime();
        long sampleAfter = -1;
        while (!stopped) {
            long now = System.nanoTime();
            if (now >= nextSample) {
                sampleAfter = now;
                nextSample = now + sampleNanos;
            }
            Outcomes.Placed latest = outcomes.latest();
            if (sampleAfter >= 0 && latest != null && latest.respondedNanos() >= sampleAfter) {
                if (outcomes.inWindow(latest.respondedNanos()) && pending.size() < MAX_PENDING) {
                    pending.addLast(latest);
                }
                sampleAfter = -1;
            }
            try {
                while (!pending.isEmpty() && visible(pending.peekFirst().orderId())) {
                    Outcomes.Placed seen = pending.removeFirst();
                    lagMillis.recordValue(Math.max(0, (System.nanoTime() - seen.respondedNanos()) / 1_000_000));
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                followerErrors++;
            }
        }
    }

    /** Stops sampling; the samples still pending keep being followed by {@link #finish}. */
    void stopSampling() throws InterruptedException {
        stopped = true;
        follower.join();
    }

    /**
     * Follows the samples still pending, then waits for {@code last} (the last order placed) and answers its lag: how
     * long the read side needed to catch up with the whole load; -1 when patience ran out.
     */
    long finish(Outcomes.Placed last, long patienceMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            if (visible(pending.peekFirst().orderId())) {
                Outcomes.Placed seen = pending.removeFirst();
                lagMillis.recordValue(Math.max(0, (System.nanoTime() - seen.respondedNanos()) / 1_000_000));
            } else {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            }
        }
        while (last != null && System.nanoTime() < deadline) {
            if (visible(last.orderId())) {
                return (System.nanoTime() - last.respondedNanos()) / 1_000_000;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        return -1;
    }

    Histogram lagMillis() {
        return lagMillis;
    }

    /** Samples never seen (still pending when patience ran out). */
    int unseen() {
        return pending.size();
    }

    long followerErrors() {
        return followerErrors;
    }

    private boolean visible(String orderId) throws Exception {
        return api.getQuery("/api/orders/" + orderId).statusCode() == 200;
    }
}
