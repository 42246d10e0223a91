package com.omniops.system.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recommendation counts the units already on the stock item's draft purchase orders: a draft is not incoming yet
 * (nothing was sent to the supplier), but recommending its units again would order them twice. Once the draft is
 * cancelled, the shortage is recommended again.
 */
class RecommendationNetsDraftsTest {

    private static final Http VIEWER = Http.as("viewer");
    private static final Http PURCHASING = Http.as("purchasing");
    private final TestMerchant merchant = new TestMerchant();

    @Test
    void theReplenishmentPolicysOwnDraftIsNotRecommendedAgain() {
        String warehouse = merchant.id("WH");
        String sku = merchant.product(merchant.channel(List.of(warehouse), "PRIORITY", false, 0));
        merchant.receive(warehouse, sku, 5, "5.00");
        String supplierId = supplier();
        // position 5 ≤ min 10: the policy drafts 40 − 5 = 35 (autoSubmit off, so it stays a draft)
        assertThat(PURCHASING.postAs(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/reorder-rule",
                Map.of("supplierId", supplierId, "method", "MIN_MAX", "min", 10, "max", 40, "multiple", 1))
                .status()).isEqualTo(200);
        String proposal = "PO-R-" + warehouse + "-" + sku + "-1";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode po = VIEWER.getAs(TestApps.queryUrl() + "/api/purchase-orders/" + proposal).body();
            assertThat(po.path("status").asText()).isEqualTo("DRAFT");
            assertThat(po.path("lines").get(0).path("ordered").asInt()).isEqualTo(35);
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode advice = recommendation(warehouse, sku);
            assertThat(advice.path("onHand").asInt()).isEqualTo(5);
            assertThat(advice.path("incoming").asInt()).as("a draft is not incoming").isZero();
            assertThat(advice.path("position").asInt()).isEqualTo(5);
            assertThat(advice.path("drafted").asInt()).isEqualTo(35);
            assertThat(advice.path("positionWithDrafts").asInt()).isEqualTo(40);
            assertThat(advice.path("numbers").path("orderQuantity").asInt()).as("35 are on the draft already")
                    .isZero();
        });

        Http.Response cancelled = PURCHASING.postAs(TestApps.commandUrl() + "/api/purchase-orders/" + proposal
                + "/cancel", Map.of("reason", "ordered by phone instead"));
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode advice = recommendation(warehouse, sku);
            assertThat(advice.path("drafted").asInt()).as("a cancelled draft orders nothing").isZero();
            assertThat(advice.path("numbers").path("orderQuantity").asInt()).isEqualTo(35);
        });
    }

    @Test
    void aBuyersDraftCountsForAServiceLevelRuleToo() {
        String warehouse = merchant.id("WH");
        String sku = merchant.product(merchant.channel(List.of(warehouse), "PRIORITY", false, 0));
        String supplierId = supplier();
        // No stock yet and no demand: reorder point 0, position 0 ≤ 0 → order back up to 0 + 20 cycle stock.
        assertThat(PURCHASING.postAs(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/reorder-rule",
                Map.of("supplierId", supplierId, "method", "SERVICE_LEVEL", "serviceLevel", 0.9, "max", 20,
                        "multiple", 5)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recommendation(warehouse, sku)
                .path("numbers").path("orderQuantity").asInt()).isEqualTo(20));

        Http.Response draft = PURCHASING.postAs(TestApps.commandUrl() + "/api/purchase-orders", Map.of(
                "supplierId", supplierId, "warehouseId", warehouse,
                "lines", List.of(Map.of("sku", sku, "quantity", 15, "unitCost", new BigDecimal("4.00")))));
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode advice = recommendation(warehouse, sku);
            assertThat(advice.path("drafted").asInt()).isEqualTo(15);
            assertThat(advice.path("positionWithDrafts").asInt()).isEqualTo(15);
            assertThat(advice.path("numbers").path("forecastMethod").asText()).isNotBlank();
            assertThat(advice.path("numbers").path("orderQuantity").asInt()).as("15 > ROP 0: nothing more")
                    .isZero();
        });
    }

    private String supplier() {
        String supplierId = merchant.id("SUP");
        assertThat(Http.post(TestApps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplierId, "name", "S",
                "leadTimeMeanDays", 3, "currency", "EUR")).status()).isEqualTo(201);
        return supplierId;
    }

    private static JsonNode recommendation(String warehouse, String sku) {
        JsonNode items = VIEWER.getAs(TestApps.queryUrl() + "/api/replenishment/recommendations?warehouse="
                + warehouse + "&sku=" + sku).body().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
