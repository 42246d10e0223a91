package com.omniops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Maximum throughput: N client threads, each sending its next order as soon as the previous one answered. Latency
 * here is service time under that concurrency; it hides queueing (coordinated omission), which is what the open loop
 * is for.
 */
final class ClosedLoop {

    private final Api api;
    private final OrderFactory orders;
    private final Outcomes outcomes;
    private final Options options;

    ClosedLoop(Api api, OrderFactory orders, Outcomes outcomes, Options options) {
        this.api = api;
        this.orders = orders;
        this.outcomes = outcomes;
        this.options = options;
    }

    /** Sends until {@code until} (System.nanoTime), then waits for every client's last answer. */
    GeneratorHealth run(long until) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(options.threads());
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < until) {
                    var order = orders.next();
                    long start = System.nanoTime();
                    try {
                        outcomes.record(start, api.post("/api/orders", order, options.idempotencyKeys()), null);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    } catch (Exception e) {
                        outcomes.record(start, null, e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return GeneratorHealth.closedLoop(options.threads());
    }
}
