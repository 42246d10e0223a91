package com.omniops.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.TimeUnit;

/**
 * After the load, once the read side has caught up: does the stock add up? Reads the channel's availability (on hand
 * and reserved per warehouse and SKU) and checks that no stock item has more reserved than on hand (zero oversell),
 * and that the units reserved equal the units the placements' answers reported (nothing lost or doubled; a request
 * that timed out on the client may still have committed, which shows as more reserved than answered).
 */
final class StockCheck {

    record Result(boolean ok, long items, long oversold, long reserved, long answered, long hotOnHand,
                  long hotReserved, String note) {
    }

    private StockCheck() {
    }

    static Result run(Api api, Catalog catalog, Outcomes outcomes, long patienceMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        Totals totals;
        do {
            // the availability read model has its own processor: wait until it has applied every reservation
            totals = read(api, catalog);
            if (totals.reserved == outcomes.unitsAllocated()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        } while (System.nanoTime() < deadline);
        boolean ok = totals.oversold == 0 && totals.reserved == outcomes.unitsAllocated();
        String note = totals.oversold > 0 ? totals.oversold + " stock items have more reserved than on hand: OVERSOLD"
                : totals.reserved != outcomes.unitsAllocated()
                ? "reserved " + totals.reserved + " units, answers said " + outcomes.unitsAllocated()
                + " (read model behind, or requests that failed on the client committed)"
                : "no stock item has more reserved than on hand; reserved = units the answers reported";
        return new Result(ok, totals.items, totals.oversold, totals.reserved, outcomes.unitsAllocated(),
                totals.hotOnHand, totals.hotReserved, note);
    }

    private static final class Totals {
        long items;
        long oversold;
        long reserved;
        long hotOnHand;
        long hotReserved;
    }

    private static Totals read(Api api, Catalog catalog) throws Exception {
        Totals totals = new Totals();
        for (int page = 0; ; page++) {
            var response = api.getQuery("/api/availability?channel=" + catalog.channelId() + "&size=200&page=" + page);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/availability answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode items = Api.parse(response.body()).path("items");
            for (JsonNode item : items) {
                boolean hot = item.path("sku").asText().equals(catalog.hotSku());
                for (JsonNode warehouse : item.path("warehouses")) {
                    long onHand = warehouse.path("onHand").asLong();
                    long reserved = warehouse.path("reserved").asLong();
                    totals.items++;
                    totals.reserved += reserved;
                    if (reserved > onHand) {
                        totals.oversold++;
                    }
                    if (hot) {
                        totals.hotOnHand += onHand;
                        totals.hotReserved += reserved;
                    }
                }
            }
            if (items.size() < 200) {
                return totals;
            }
        }
    }
}
