package com.omniops.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the orders are placed against, created through the REST API for this run only (ids carry a fresh run prefix,
 * so a run never collides with data already in the database): one channel over W warehouses, N products listed on
 * it and received into every warehouse, and optionally one hot SKU with little stock.
 */
record Catalog(String channelId, List<String> warehouses, List<String> skus, String hotSku) {

    private static final int MAX_ATTEMPTS = 30;

    static Catalog create(Api api, Options options) throws Exception {
        String run = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> warehouses = new ArrayList<>();
        for (int w = 1; w <= options.warehouses(); w++) {
            warehouses.add(run + "-WH" + w);
        }
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < options.skus(); i++) {
            skus.add(run + "-SKU" + i);
        }
        Catalog catalog = new Catalog(run + "-CH", List.copyOf(warehouses), List.copyOf(skus),
                options.hotSku() ? run + "-HOT" : null);
        long started = System.nanoTime();
        System.out.printf("Setting up run %s: channel %s, %d SKUs%s in %d warehouses (%d requests, %d in parallel)%n",
                run, catalog.channelId(), skus.size(), options.hotSku() ? " + 1 hot SKU" : "", warehouses.size(),
                1 + catalog.allSkus().size() * (2 + warehouses.size()), options.setupConcurrency());
        check(api.post("/api/channels", Map.of("channelId", catalog.channelId(), "name", "Benchmark " + run,
                "type", "WEBSITE", "currency", "EUR", "pricesIncludeTax", true, "warehouseIds", warehouses,
                "allocationStrategy", options.strategy(), "backordersAllowed", options.backorders()), false),
                "/api/channels");
        catalog.stock(api, options);
        System.out.printf("Setup took %.1f s%n", (System.nanoTime() - started) / 1e9);
        return catalog;
    }

    List<String> allSkus() {
        List<String> all = new ArrayList<>(skus);
        if (hotSku != null) {
            all.add(hotSku);
        }
        return all;
    }

    /** Each SKU's chain (product, listing, receipts) runs on its own worker; the chains run side by side. */
    private void stock(Api api, Options options) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(options.setupConcurrency());
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> chains = new ArrayList<>();
        List<String> all = allSkus();
        for (String sku : all) {
            int units = sku.equals(hotSku) ? options.hotStock() : options.stock();
            chains.add(workers.submit(() -> {
                created(api, "/api/products", Map.of("sku", sku, "name", "Benchmark product " + sku), "/api/products");
                created(api, "/api/products/" + sku + "/listings", Map.of("channelId", channelId, "channelSku", "C-" + sku),
                        "listing of " + sku);
                for (String warehouse : warehouses) {
                    created(api, "/api/stock/" + warehouse + "/" + sku + "/receipts", Map.of("quantity", units,
                            "unitCost", 5, "currency", "EUR"), "receipt of " + sku);
                }
                int n = done.incrementAndGet();
                if (n % 500 == 0) {
                    System.out.printf("  %d of %d SKUs set up%n", n, all.size());
                }
                return null;
            }));
        }
        try {
            for (Future<?> chain : chains) {
                chain.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * POSTs and expects 201. A 503 (the command side busy: admission control or a full pool; nothing was changed) is
     * retried after its Retry-After, as any client should: the setup sends {@code setup-concurrency} requests at once
     * to apps whose JIT is still cold.
     */
    private static void created(Api api, String path, Object body, String what)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = api.post(path, body, false);
            if (response.statusCode() != 503 || attempt == MAX_ATTEMPTS) {
                check(response, what);
                return;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            TimeUnit.SECONDS.sleep(Math.max(1, seconds));
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
