package com.omniops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Places orders through the command REST API as fast as N client threads can, each order with 3 lines over S SKUs
 * stocked in 2 warehouses (so every order reserves stock), and measures:
 * throughput, placement latency percentiles, and projection lag (time from a placement's response until the order
 * is visible in the query API).
 * <p>
 * Usage: {@code java -jar benchmarks.jar [--command=http://localhost:8080] [--query=http://localhost:8081]
 * [--seconds=60] [--warmup=10] [--threads=8] [--skus=200] [--user=admin] [--password=admin-demo]}
 * (HTTP Basic as a demo user; the apps remember a verified password for a few minutes, so bcrypt runs once).
 */
public final class OrderPlacementBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;
    private final int seconds;
    private final int warmup;
    private final int threads;
    private final int skuCount;
    private final String authorization;
    private final String run = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private OrderPlacementBenchmark(Map<String, String> args) {
        commandUrl = args.getOrDefault("command", "http://localhost:8080");
        queryUrl = args.getOrDefault("query", "http://localhost:8081");
        seconds = Integer.parseInt(args.getOrDefault("seconds", "60"));
        warmup = Integer.parseInt(args.getOrDefault("warmup", "10"));
        threads = Integer.parseInt(args.getOrDefault("threads", "8"));
        skuCount = Integer.parseInt(args.getOrDefault("skus", "200"));
        authorization = "Basic " + Base64.getEncoder().encodeToString((args.getOrDefault("user", "admin")
                + ":" + args.getOrDefault("password", "admin-demo")).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new OrderPlacementBenchmark(args).execute();
    }

    private void execute() throws Exception {
        String channel = run + "-CH";
        List<String> warehouses = List.of(run + "-WH1", run + "-WH2");
        List<String> skus = new ArrayList<>();
        System.out.printf("Setting up %d SKUs in %d warehouses (run %s)%n", skuCount, warehouses.size(), run);
        post("/api/channels", Map.of("channelId", channel, "name", "Benchmark", "type", "WEBSITE",
                "currency", "EUR", "pricesIncludeTax", true, "warehouseIds", warehouses,
                "allocationStrategy", "PRIORITY", "backordersAllowed", true), 201);
        for (int i = 0; i < skuCount; i++) {
            String sku = run + "-SKU" + i;
            skus.add(sku);
            post("/api/products", Map.of("sku", sku, "name", "Bench product " + i), 201);
            post("/api/products/" + sku + "/listings", Map.of("channelId", channel, "channelSku", "C-" + sku), 201);
            for (String warehouse : warehouses) {
                post("/api/stock/" + warehouse + "/" + sku + "/receipts",
                        Map.of("quantity", 1_000_000, "unitCost", 5, "currency", "EUR"), 201);
            }
        }

        System.out.printf("Warming up for %d s, then measuring for %d s with %d client threads%n", warmup, seconds,
                threads);
        Recorder latency = new Recorder(3);
        Histogram lag = new Histogram(3);
        AtomicLong placed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicReference<String[]> latest = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    List<Integer> picked = new ArrayList<>();
                    while (picked.size() < 3) {
                        int s = random.nextInt(skus.size());
                        if (!picked.contains(s)) {
                            picked.add(s);
                            lines.add(Map.of("sku", skus.get(s), "quantity", 1 + random.nextInt(3),
                                    "unitPrice", 19.9, "taxAmount", 3.32));
                        }
                    }
                    Map<String, Object> order = Map.of("channelId", channel, "channelOrderRef",
                            UUID.randomUUID().toString(), "customerId", "BENCH", "currency", "EUR", "lines", lines);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = send("/api/orders", order);
                        long micros = (System.nanoTime() - start) / 1000;
                        if (response.statusCode() == 201) {
                            if (measuring.get()) {
                                latency.recordValue(micros);
                                placed.incrementAndGet();
                            }
                            latest.set(new String[]{JSON.readTree(response.body()).path("orderId").asText(),
                                    Long.toString(System.nanoTime())});
                        } else if (measuring.get()) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (measuring.get()) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        // Projection lag: once a second, follow the newest placed order until the query side shows it.
        pool.submit(() -> {
            while (!stop.get()) {
                String[] sample = latest.get();
                if (sample != null && measuring.get()) {
                    long visibleAt = waitVisible(sample[0], Duration.ofSeconds(60));
                    if (visibleAt > 0) {
                        lag.recordValue(Math.max(0, (visibleAt - Long.parseLong(sample[1])) / 1_000_000));
                    }
                }
                TimeUnit.MILLISECONDS.sleep(1000);
            }
            return null;
        });

        TimeUnit.SECONDS.sleep(warmup);
        latency.reset();
        measuring.set(true);
        long begin = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        measuring.set(false);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        Histogram measured = latency.getIntervalHistogram();
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(90, TimeUnit.SECONDS);

        String[] last = latest.get();
        long stoppedAt = System.nanoTime();
        long caughtUp = last == null ? 0 : waitVisible(last[0], Duration.ofSeconds(300));
        System.out.println();
        System.out.println("=== Order placement through the REST API (3 lines, reservations in 2 warehouses) ===");
        System.out.printf("orders placed      %d in %.1f s = %.1f orders/s (%d failed)%n", placed.get(), elapsed,
                placed.get() / elapsed, failed.get());
        System.out.printf("latency ms         p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                measured.getValueAtPercentile(50) / 1000.0, measured.getValueAtPercentile(95) / 1000.0,
                measured.getValueAtPercentile(99) / 1000.0, measured.getMaxValue() / 1000.0);
        System.out.printf("projection lag ms  p50 %d  p95 %d  max %d  (%d samples, order board)%n",
                lag.getValueAtPercentile(50), lag.getValueAtPercentile(95), lag.getMaxValue(),
                lag.getTotalCount());
        System.out.printf("catch-up after load stopped: %d ms%n",
                caughtUp > 0 ? Math.max(0, (caughtUp - stoppedAt) / 1_000_000) : -1);
    }

    private long waitVisible(String orderId, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/orders/"
                    + orderId)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return -1;
    }

    private void post(String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
