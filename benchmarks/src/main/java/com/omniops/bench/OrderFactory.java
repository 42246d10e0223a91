package com.omniops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Orders as a web shop sends them: 3 lines of distinct SKUs drawn uniformly from the catalogue, 1–3 units each, a fresh
 * channel order reference. With a hot SKU, the first line is always one unit of it.
 */
final class OrderFactory {

    static final int LINES = 3;

    private final Catalog catalog;

    OrderFactory(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> skus = catalog.skus();
        List<Map<String, Object>> lines = new ArrayList<>(LINES);
        List<Integer> picked = new ArrayList<>(LINES);
        if (catalog.hotSku() != null) {
            lines.add(line(catalog.hotSku(), 1));
        }
        while (lines.size() < LINES) {
            int s = random.nextInt(skus.size());
            if (!picked.contains(s)) {
                picked.add(s);
                lines.add(line(skus.get(s), 1 + random.nextInt(3)));
            }
        }
        return Map.of("channelId", catalog.channelId(), "channelOrderRef", UUID.randomUUID().toString(),
                "customerId", "BENCH-" + random.nextInt(100_000), "currency", "EUR", "lines", lines);
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", 19.9, "taxAmount", 3.32);
    }
}
