package com.omniops.system.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transfer through both REST APIs: requested → shipped (in transit, visible on the destination's availability row
 * but never available) → received in two receipts at the source's cost. At every step the units on hand in both
 * warehouses plus those in transit add up to what was received: nothing is counted twice or lost.
 */
class TransferFlowTest {

    private static final Http BUYER = Http.as("purchasing");
    private static final Http WAREHOUSE = Http.as("warehouse");
    private final TestMerchant merchant = new TestMerchant();

    private static Http.Response post(Http as, String path, Object body) {
        return as.postAs(TestApps.commandUrl() + path, body);
    }

    private static String request(String from, String to, List<Map<String, Object>> lines) {
        Http.Response requested = post(BUYER, "/api/transfers", Map.of("fromWarehouseId", from, "toWarehouseId", to,
                "lines", lines, "note", "refill"));
        assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
        assertThat(requested.body().path("status").asText()).isEqualTo("REQUESTED");
        return requested.body().path("transferId").asText();
    }

    private static JsonNode availability(String channel, String sku) {
        JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                .body().path("items");
        assertThat(items).as("availability of " + sku).hasSize(1);
        return items.get(0);
    }

    private static JsonNode warehouse(JsonNode availability, String warehouseId) {
        for (JsonNode row : availability.path("warehouses")) {
            if (row.path("warehouseId").asText().equals(warehouseId)) {
                return row;
            }
        }
        throw new AssertionError(warehouseId + " not in " + availability);
    }

    /** Asserts one warehouse row: on hand, reserved, available, in transit towards it. */
    private static void row(JsonNode availability, String warehouseId, int onHand, int reserved, int available,
                            int inTransitIn) {
        JsonNode row = warehouse(availability, warehouseId);
        assertThat(List.of(row.path("onHand").asInt(), row.path("reserved").asInt(), row.path("available").asInt(),
                row.path("inTransitIn").asInt())).as(warehouseId + " " + row)
                .containsExactly(onHand, reserved, available, inTransitIn);
    }

    /** On hand in every warehouse plus in transit: the units the merchant owns, whatever step the transfer is at. */
    private static int unitsAccountedFor(JsonNode availability) {
        int units = 0;
        for (JsonNode row : availability.path("warehouses")) {
            units += row.path("onHand").asInt() + row.path("inTransitIn").asInt();
        }
        return units;
    }

    private static JsonNode level(Http.Response receipt, String sku) {
        for (JsonNode level : receipt.body().path("stock")) {
            if (level.path("sku").asText().equals(sku)) {
                return level;
            }
        }
        throw new AssertionError(sku + " not received in " + receipt.body());
    }

    @Test
    void unitsMoveOutIntoTransitAndInAtTheSourceCost_andAreNeverCountedTwice() {
        String east = merchant.id("EAST");
        String west = merchant.id("WEST");
        String channel = merchant.channel(List.of(east, west), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        String newSku = merchant.product(channel);
        merchant.receive(east, sku, 20, "10.00");
        merchant.receive(west, sku, 5, "14.00");
        merchant.receive(east, newSku, 4, "7.00");
        assertThat(merchant.placeOrder(channel, line(sku, 5)).status()).isEqualTo(201); // reserved in east

        // east: 20 on hand, 5 reserved → 15 may move; reserved units never do
        String tooMuch = request(east, west, List.of(Map.of("sku", sku, "quantity", 16)));
        Http.Response refused = post(WAREHOUSE, "/api/transfers/" + tooMuch + "/ship", Map.of());
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(post(WAREHOUSE, "/api/transfers/" + tooMuch + "/cancel", Map.of("reason", "too many"))
                .body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(post(WAREHOUSE, "/api/transfers/" + tooMuch + "/ship", Map.of()).code())
                .isEqualTo("TRANSFER_STATE_CONFLICT");
        assertThat(post(Http.as("sales"), "/api/transfers", Map.of("fromWarehouseId", east, "toWarehouseId", west,
                "lines", List.of(Map.of("sku", sku, "quantity", 1)))).status()).as("sales may not move stock")
                .isEqualTo(403);
        assertThat(post(BUYER, "/api/transfers/" + tooMuch + "/ship", Map.of()).status())
                .as("purchasing may request, not ship").isEqualTo(403);

        String transfer = request(east, west, List.of(Map.of("sku", sku, "quantity", 8),
                Map.of("sku", newSku, "quantity", 4)));
        Http.Response shipped = post(WAREHOUSE, "/api/transfers/" + transfer + "/ship",
                Map.of("carrier", "own truck"));
        assertThat(shipped.status()).as(shipped.raw().body()).isEqualTo(200);
        assertThat(shipped.body().path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(post(WAREHOUSE, "/api/transfers/" + transfer + "/cancel", Map.of()).code())
                .as("a shipped transfer cannot be cancelled").isEqualTo("TRANSFER_STATE_CONFLICT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode stock = availability(channel, sku);
            row(stock, east, 12, 5, 7, 0);
            row(stock, west, 5, 0, 5, 8);
            assertThat(stock.path("availableToSell").asInt()).as("in transit is not sellable").isEqualTo(12);
            assertThat(unitsAccountedFor(stock)).isEqualTo(25);
            row(availability(channel, newSku), west, 0, 0, 0, 4);
            JsonNode view = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/transfers/" + transfer).body();
            assertThat(view.path("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(view.path("unitsInTransit").asInt()).isEqualTo(12);
            assertThat(view.path("lines").get(0).path("unitCost").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(view.path("lines").get(1).path("unitCost").decimalValue()).isEqualByComparingTo("7.00");
        });

        Http.Response over = post(WAREHOUSE, "/api/transfers/" + transfer + "/receipts",
                Map.of("lines", List.of(Map.of("sku", sku, "quantity", 9))));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("TRANSFER_OVER_RECEIPT");
        Http.Response first = post(WAREHOUSE, "/api/transfers/" + transfer + "/receipts",
                Map.of("receiptId", "TRC-1", "lines", List.of(Map.of("sku", sku, "quantity", 3))));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.body().path("transfer").path("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(level(first, sku).path("onHand").asInt()).isEqualTo(8);
        assertThat(level(first, sku).path("averageUnitCost").decimalValue())
                .as("(5 × 14.00 + 3 × 10.00) / 8").isEqualByComparingTo("12.5");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode stock = availability(channel, sku);
            row(stock, east, 12, 5, 7, 0);
            row(stock, west, 8, 0, 8, 5);
            assertThat(stock.path("availableToSell").asInt()).isEqualTo(15);
            assertThat(unitsAccountedFor(stock)).isEqualTo(25);
            JsonNode list = Http.get(TestApps.queryUrl() + "/api/transfers?to=" + west + "&status=PARTIALLY_RECEIVED")
                    .body();
            assertThat(list.path("totalItems").asInt()).isEqualTo(1);
            assertThat(list.path("items").get(0).path("lines").get(0).path("inTransit").asInt()).isEqualTo(5);
        });

        Http.Response rest = post(WAREHOUSE, "/api/transfers/" + transfer + "/receipts", Map.of());
        assertThat(rest.status()).as(rest.raw().body()).isEqualTo(201);
        assertThat(rest.body().path("transfer").path("status").asText()).isEqualTo("RECEIVED");
        assertThat(level(rest, sku).path("averageUnitCost").decimalValue())
                .as("(5 × 14.00 + 8 × 10.00) / 13").isEqualByComparingTo("11.5385");
        assertThat(level(rest, newSku).path("onHand").asInt()).as("created at the destination").isEqualTo(4);
        assertThat(level(rest, newSku).path("averageUnitCost").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(post(WAREHOUSE, "/api/transfers/" + transfer + "/receipts", Map.of()).code())
                .isEqualTo("TRANSFER_STATE_CONFLICT");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode stock = availability(channel, sku);
            row(stock, east, 12, 5, 7, 0);
            row(stock, west, 13, 0, 13, 0);
            assertThat(stock.path("availableToSell").asInt()).isEqualTo(20);
            assertThat(unitsAccountedFor(stock)).isEqualTo(25);
            row(availability(channel, newSku), west, 4, 0, 4, 0);
            row(availability(channel, newSku), east, 0, 0, 0, 0);
            JsonNode view = Http.get(TestApps.queryUrl() + "/api/transfers/" + transfer).body();
            assertThat(view.path("status").asText()).isEqualTo("RECEIVED");
            assertThat(view.path("unitsInTransit").asInt()).isZero();
            assertThat(Http.get(TestApps.queryUrl() + "/api/transfers?from=" + east + "&status=CANCELLED").body()
                    .path("items").get(0).path("transferId").asText()).isEqualTo(tooMuch);
        });
        assertThat(Http.get(TestApps.queryUrl() + "/api/transfers/no-such-transfer").code())
                .isEqualTo("TRANSFER_NOT_FOUND");
    }
}
