package com.omniops.system.replenishment;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replenishment projects what can be sold: quarantined units are on hand but not available, so they do not keep a
 * stock item above its reorder point — in the policy's proposal and in the recommendation alike (StockPosition).
 */
class HeldStockIsNotProjectedTest {

    private final TestMerchant merchant = new TestMerchant();

    private static JsonNode post(String path, Object body, int expectedStatus) {
        Http.Response response = Http.post(TestApps.commandUrl() + path, body);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    @Test
    void quarantinedUnitsDoNotCountTowardsTheReorderPoint() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 14, "5.00");
        // 4 units go out and come back damaged: 14 on hand, 4 of them quarantined, 10 available.
        Http.Response placed = merchant.placeOrder(channel, line(sku, 4));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String order = "/api/orders/" + placed.body().path("orderId").asText();
        post(order + "/shipments", Map.of("warehouseId", warehouse, "carrier", "DHL", "trackingNumber", "H1",
                "shippingCost", new BigDecimal("6.50")), 201);
        post(order + "/delivery", Map.of(), 200);
        String returnId = post(order + "/returns", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 4,
                "reason", "DAMAGED"))), 201).path("returnId").asText();
        post(order + "/returns/" + returnId + "/receipt", Map.of("warehouseId", warehouse), 200);
        JsonNode stock = post(order + "/returns/" + returnId + "/inspection", Map.of("lines", List.of(
                Map.of("lineNo", 1, "quantity", 4, "condition", "DAMAGED", "disposition", "QUARANTINE"))), 200)
                .path("stock").get(0);
        assertThat(stock.path("onHand").asInt()).isEqualTo(14);
        assertThat(stock.path("available").asInt()).isEqualTo(10);

        String supplierId = merchant.id("SUP");
        post("/api/suppliers", Map.of("supplierId", supplierId, "name", "S", "leadTimeMeanDays", 3,
                "currency", "EUR"), 201);
        // projected = 10 available + 0 incoming ≤ min 10 → 40 − 10 = 30 (14 on hand alone would order nothing)
        Http.Response rule = Http.as("purchasing").postAs(TestApps.commandUrl() + "/api/stock/" + warehouse + "/"
                + sku + "/reorder-rule", Map.of("supplierId", supplierId, "method", "MIN_MAX", "min", 10, "max", 40,
                "multiple", 1));
        assertThat(rule.status()).as(rule.raw().body()).isEqualTo(200);

        String proposal = "PO-R-" + warehouse + "-" + sku + "-1";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode po = Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + proposal).body();
            assertThat(po.path("status").asText()).isEqualTo("DRAFT");
            assertThat(po.path("lines").get(0).path("ordered").asInt()).isEqualTo(30);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode advice = Http.as("viewer").getAs(TestApps.queryUrl()
                    + "/api/replenishment/recommendations?sku=" + sku).body().path("items").get(0);
            assertThat(advice.path("onHand").asInt()).isEqualTo(14);
            assertThat(advice.path("held").asInt()).isEqualTo(4);
            assertThat(advice.path("position").asInt()).as("10 available, nothing incoming").isEqualTo(10);
            assertThat(advice.path("positionWithDrafts").asInt()).isEqualTo(40);
        });
    }
}
