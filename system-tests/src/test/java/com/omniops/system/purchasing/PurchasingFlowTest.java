package com.omniops.system.purchasing;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Supplier → purchase order → submit → confirm → receipts into stock → read models, through both APIs. */
class PurchasingFlowTest {

    private static final Http BUYER = Http.as("purchasing");
    private static final Http WAREHOUSE = Http.as("warehouse");
    private final TestMerchant merchant = new TestMerchant();

    private String supplier() {
        String supplierId = merchant.id("SUP");
        Http.Response registered = BUYER.postAs(TestApps.commandUrl() + "/api/suppliers", Map.of(
                "supplierId", supplierId, "name", "Linen mill", "leadTimeMeanDays", new BigDecimal("6.5"),
                "leadTimeStdDevDays", new BigDecimal("1.5"), "minimumOrderQuantity", 10, "currency", "EUR"));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        return supplierId;
    }

    private String draft(String supplierId, String warehouse, String sku, int quantity) {
        Http.Response drafted = BUYER.postAs(TestApps.commandUrl() + "/api/purchase-orders", Map.of(
                "supplierId", supplierId, "warehouseId", warehouse,
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "unitCost", new BigDecimal("8.00")))));
        assertThat(drafted.status()).as(drafted.raw().body()).isEqualTo(201);
        assertThat(drafted.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.body().path("expectedDate").asText()).isNotBlank();
        return drafted.body().path("purchaseOrderId").asText();
    }

    private Http.Response post(Http as, String path, Object body) {
        return as.postAs(TestApps.commandUrl() + path, body);
    }

    private JsonNode stockRow(String channel, String sku) {
        JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                .body().path("items");
        assertThat(items).as("availability of " + sku).isNotEmpty(); // not projected yet: Awaitility retries
        return items.get(0);
    }

    @Test
    void aPurchaseOrderIsReceivedInTwoReceiptsIntoStockAndTheReadModelsFollow() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "6.00");
        String supplierId = supplier();
        String po = draft(supplierId, warehouse, sku, 100);

        assertThat(post(BUYER, "/api/purchase-orders/" + po + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 5)))).code())
                .as("a draft cannot receive goods").isEqualTo("PURCHASE_ORDER_STATE_CONFLICT");
        assertThat(post(BUYER, "/api/purchase-orders/" + po + "/submit", Map.of()).body().path("status").asText())
                .isEqualTo("SUBMITTED");
        Http.Response confirmed = post(BUYER, "/api/purchase-orders/" + po + "/confirm", Map.of(
                "confirmedDate", "2026-12-10", "lines", List.of(Map.of("lineNo", 1, "quantity", 80))));
        assertThat(confirmed.body().path("status").asText()).isEqualTo("CONFIRMED");

        Http.Response first = post(WAREHOUSE, "/api/purchase-orders/" + po + "/receipts",
                Map.of("receiptId", "GRN-A", "lines", List.of(Map.of("lineNo", 1, "quantity", 50))));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.body().path("purchaseOrder").path("status").asText()).isEqualTo("PARTIALLY_RECEIVED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stockRow(channel, sku).path("warehouses").get(0).path("onHand").asInt()).isEqualTo(60);
            JsonNode order = Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + po).body();
            assertThat(order.path("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
            assertThat(order.path("expectedDate").asText()).isEqualTo("2026-12-10");
            assertThat(order.path("lines").get(0).path("expected").asInt()).isEqualTo(80);
            assertThat(order.path("lines").get(0).path("open").asInt()).isEqualTo(30);
            JsonNode incoming = Http.get(TestApps.queryUrl() + "/api/incoming?sku=" + sku).body().path("items");
            assertThat(incoming).hasSize(1);
            assertThat(incoming.get(0).path("incoming").asInt()).isEqualTo(30);
        });

        Http.Response tooMuch = post(WAREHOUSE, "/api/purchase-orders/" + po + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 35)))); // 85 > 80 + 5 %
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("OVER_RECEIPT");
        Http.Response rest = post(WAREHOUSE, "/api/purchase-orders/" + po + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 30))));
        assertThat(rest.body().path("purchaseOrder").path("status").asText()).isEqualTo("RECEIVED");
        assertThat(post(BUYER, "/api/purchase-orders/" + po + "/cancel", Map.of("reason", "x")).code())
                .isEqualTo("PURCHASE_ORDER_STATE_CONFLICT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stockRow(channel, sku).path("warehouses").get(0).path("onHand").asInt()).isEqualTo(90);
            assertThat(Http.get(TestApps.queryUrl() + "/api/incoming?sku=" + sku).body().path("items")).isEmpty();
            JsonNode list = Http.get(TestApps.queryUrl() + "/api/purchase-orders?supplier=" + supplierId
                    + "&status=RECEIVED").body();
            assertThat(list.path("totalItems").asInt()).isEqualTo(1);
            assertThat(list.path("items").get(0).path("unitsReceived").asInt()).isEqualTo(80);
        });
    }

    @Test
    void aShortDeliveryIsClosed_andAnUnreceivedOrderIsCancelled_andNeitherCountsAsIncoming() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        String supplierId = supplier();
        String shortOne = draft(supplierId, warehouse, sku, 40);
        String cancelled = draft(supplierId, warehouse, sku, 20);
        post(BUYER, "/api/purchase-orders/" + shortOne + "/submit", Map.of());
        post(BUYER, "/api/purchase-orders/" + cancelled + "/submit", Map.of());
        post(WAREHOUSE, "/api/purchase-orders/" + shortOne + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 25))));
        assertThat(post(BUYER, "/api/purchase-orders/" + shortOne + "/close", Map.of("reason", "supplier ran out"))
                .body().path("status").asText()).isEqualTo("CLOSED");
        assertThat(post(BUYER, "/api/purchase-orders/" + cancelled + "/cancel", Map.of("reason", "duplicate"))
                .body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(post(WAREHOUSE, "/api/purchase-orders/" + shortOne + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 5)))).code())
                .isEqualTo("PURCHASE_ORDER_STATE_CONFLICT");
        assertThat(post(BUYER, "/api/purchase-orders", Map.of("supplierId", supplierId, "warehouseId", warehouse,
                "lines", List.of(Map.of("sku", sku, "quantity", 5, "unitCost", 1)))).code())
                .isEqualTo("BELOW_MINIMUM_ORDER_QUANTITY");
        assertThat(Http.as("sales").postAs(TestApps.commandUrl() + "/api/purchase-orders/" + cancelled + "/submit",
                Map.of()).status()).as("sales may not buy").isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + shortOne).body().path("endReason")
                    .asText()).isEqualTo("supplier ran out");
            assertThat(Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + cancelled).body().path("status")
                    .asText()).isEqualTo("CANCELLED");
            assertThat(Http.get(TestApps.queryUrl() + "/api/incoming?sku=" + sku).body().path("items")).isEmpty();
        });
    }
}
