package com.omniops.system.replenishment;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop of issue 4: orders drain stock and backorder the rest → the replenishment policy proposes a purchase
 * order → it is submitted and received → the backorders are filled, earliest promise first → availability restored.
 */
class ReplenishmentLoopTest {

    private final TestMerchant merchant = new TestMerchant();

    private Http.Response place(String channel, String sku, int quantity, String promised) {
        Map<String, Object> order = new LinkedHashMap<>(TestMerchant.order(channel, merchant.id("R-" + promised
                + "-" + quantity), line(sku, quantity)));
        order.put("promisedShipDate", promised);
        Http.Response placed = Http.as("sales").postAs(TestApps.commandUrl() + "/api/orders", order);
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        return placed;
    }

    private JsonNode board(String orderId) {
        return Http.get(TestApps.queryUrl() + "/api/orders/" + orderId).body();
    }

    @Test
    void ordersDrainStock_aProposalIsReceived_andBackordersAreFilledEarliestPromiseFirst() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", true, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 12, "4.00");
        String supplier = merchant.id("SUP");
        assertThat(Http.post(TestApps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplier, "name", "S",
                "leadTimeMeanDays", 2, "minimumOrderQuantity", 10, "currency", "EUR")).status()).isEqualTo(201);
        assertThat(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/reorder-rule",
                Map.of("supplierId", supplier, "method", "MIN_MAX", "min", 5, "max", 30, "multiple", 10,
                        "autoSubmit", true)).status()).isEqualTo(200);

        LocalDate today = LocalDate.now();
        String late = place(channel, sku, 10, today.plusDays(9).toString()).body().path("orderId").asText();
        Http.Response backordered = place(channel, sku, 6, today.plusDays(7).toString()); // 2 left → 4 backordered
        assertThat(backordered.body().path("status").asText()).isEqualTo("BACKORDERED");
        assertThat(backordered.body().path("backorders").get(0).path("quantity").asInt()).isEqualTo(4);
        String second = backordered.body().path("orderId").asText();
        Http.Response earliest = place(channel, sku, 3, today.plusDays(3).toString()); // all 3 backordered
        assertThat(earliest.body().path("allocations")).isEmpty();
        String first = earliest.body().path("orderId").asText();

        // projected = 12 + 0 − 12 = 0 ≤ 5 → up to 30 → 30 (multiple 10, minimum 10)
        String proposal = "PO-R-" + warehouse + "-" + sku + "-1";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode po = Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + proposal).body();
            assertThat(po.path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(po.path("lines").get(0).path("ordered").asInt()).isEqualTo(30);
        });

        // A partial receipt of 5: the earliest promise (3) is served first, then 2 of the next one's 4.
        Http.Response receipt = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/purchase-orders/"
                + proposal + "/receipts", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 5))));
        assertThat(receipt.status()).as(receipt.raw().body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(board(first).path("status").asText()).isEqualTo("PLACED");
            JsonNode next = board(second);
            assertThat(next.path("status").asText()).isEqualTo("BACKORDERED");
            assertThat(next.path("totals").path("unitsBackordered").asInt()).isEqualTo(2);
            assertThat(next.path("lines").get(0).path("allocations")).hasSize(1);
            assertThat(next.path("lines").get(0).path("allocated").asInt()).isEqualTo(4);
        });

        // The rest arrives: every backorder is filled and what remains is available again.
        Http.Response rest = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/purchase-orders/" + proposal
                + "/receipts", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 25))));
        assertThat(rest.body().path("purchaseOrder").path("status").asText()).isEqualTo("RECEIVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(board(second).path("status").asText()).isEqualTo("PLACED");
            assertThat(board(late).path("status").asText()).isEqualTo("PLACED");
            JsonNode row = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                    .body().path("items").get(0);
            assertThat(row.path("warehouses").get(0).path("onHand").asInt()).isEqualTo(42);
            assertThat(row.path("warehouses").get(0).path("reserved").asInt()).isEqualTo(19);
            assertThat(row.path("availableToSell").asInt()).isEqualTo(23);
        });

        // Cancelling an order whose backorder was filled gives all of its units back.
        Http.Response cancelled = Http.as("sales").postAs(TestApps.commandUrl() + "/api/orders/" + second + "/cancel",
                Map.of("reason", "customer changed mind"));
        assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(TestApps.queryUrl()
                + "/api/availability?channel=" + channel + "&sku=" + sku).body().path("items").get(0)
                .path("availableToSell").asInt()).isEqualTo(29));
    }
}
