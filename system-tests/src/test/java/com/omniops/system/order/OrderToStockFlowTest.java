package com.omniops.system.order;

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

/** Command → events → projections → query, through both apps' REST APIs on PostgreSQL. */
class OrderToStockFlowTest {

    private final TestMerchant merchant = new TestMerchant();
    private final String east = merchant.id("EAST");
    private final String west = merchant.id("WEST");

    private JsonNode availability(String channel, String sku) {
        Http.Response response = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku="
                + sku);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode items = response.body().path("items");
        assertThat(items).as("availability of " + sku).isNotEmpty(); // not projected yet: Awaitility retries
        return items.get(0);
    }

    private JsonNode order(String orderId) {
        return Http.get(TestApps.queryUrl() + "/api/orders/" + orderId).body();
    }

    @Test
    void anOrderReservesAcrossWarehousesShipsAndIsDelivered_andTheReadModelsFollow() {
        String channel = merchant.channel(List.of(east, west), "PRIORITY", false, 1);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 3, "10.00");
        merchant.receive(west, sku, 5, "12.00");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = availability(channel, sku);
            assertThat(row.path("availableToSell").asInt()).isEqualTo(8 - 1); // minus the safety buffer
        });

        Http.Response placed = merchant.placeOrder(channel, line(sku, 4));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("status").asText()).isEqualTo("PLACED");
        assertThat(placed.body().path("allocations")).hasSize(2);
        assertThat(placed.body().path("allocations").get(0).path("warehouseId").asText()).isEqualTo(east);
        assertThat(placed.body().path("allocations").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(placed.body().path("allocations").get(1).path("warehouseId").asText()).isEqualTo(west);
        assertThat(placed.body().path("allocations").get(1).path("quantity").asInt()).isEqualTo(1);
        String orderId = placed.body().path("orderId").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(order(orderId).path("status").asText()).isEqualTo("PLACED");
            assertThat(availability(channel, sku).path("availableToSell").asInt()).isEqualTo(4 - 1);
        });

        Http.Response packedTooEarly = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/packs",
                Map.of("warehouseId", east));
        assertThat(packedTooEarly.code()).as("packing comes after picking").isEqualTo("ORDER_NOT_SHIPPABLE");
        Http.Response picked = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/orders/" + orderId
                + "/picks", Map.of("warehouseId", east));
        assertThat(picked.body().path("stage").asText()).isEqualTo("PICKED");
        Http.Response packed = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/orders/" + orderId
                + "/packs", Map.of("warehouseId", east, "parcels", 2));
        assertThat(packed.body().path("stage").asText()).isEqualTo("PACKED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode step = order(orderId).path("picking");
            assertThat(step).hasSize(1);
            assertThat(step.get(0).path("stage").asText()).isEqualTo("PACKED");
            assertThat(step.get(0).path("pickedBy").asText()).isEqualTo("warehouse");
            assertThat(step.get(0).path("parcels").asInt()).isEqualTo(2);
        });

        Http.Response fromEast = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", east, "carrier", "DHL", "trackingNumber", "JD1"));
        assertThat(fromEast.status()).as(fromEast.body().toString()).isEqualTo(201);
        assertThat(fromEast.body().path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
        Http.Response fromWest = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", west, "lines", List.of(Map.of("lineNo", 1, "quantity", 1))));
        assertThat(fromWest.body().path("status").asText()).isEqualTo("SHIPPED");
        Http.Response delivered = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/delivery",
                Map.of());
        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
        assertThat(delivered.body().path("status").asText()).isEqualTo("DELIVERED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode board = order(orderId);
            assertThat(board.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(board.path("shipments")).hasSize(2);
            assertThat(board.path("picking")).as("shipping clears the pick").isEmpty();
            JsonNode row = availability(channel, sku);
            assertThat(row.path("availableToSell").asInt()).isEqualTo(4 - 1);
            assertThat(row.path("warehouses").get(0).path("onHand").asInt()).isZero();
            assertThat(row.path("warehouses").get(1).path("onHand").asInt()).isEqualTo(4);
            assertThat(row.path("warehouses").get(1).path("reserved").asInt()).isZero();
        });

        Http.Response tooLate = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/cancel",
                Map.of("reason", "customer asked"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("ORDER_ALREADY_SHIPPED");
    }

    @Test
    void cancellingReleasesTheReservationsAndTheBoardListsTheOrderAsCancelled() {
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 2, "5.00");

        Http.Response placed = merchant.placeOrder(channel, line(sku, 2));
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        Http.Response cancelled = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/cancel",
                Map.of("reason", "payment failed"));
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("released")).hasSize(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(availability(channel, sku).path("availableToSell").asInt()).isEqualTo(2);
            JsonNode page = Http.get(TestApps.queryUrl() + "/api/orders?channel=" + channel
                    + "&status=CANCELLED&page=0&size=10").body();
            assertThat(page.path("totalItems").asInt()).isEqualTo(1);
            assertThat(page.path("items").get(0).path("orderId").asText()).isEqualTo(orderId);
        });

        Http.Response again = merchant.placeOrder(channel, line(sku, 2));
        assertThat(again.status()).as("the released units can be sold again").isEqualTo(201);
    }

    @Test
    void aChannelThatAllowsBackordersBackordersWhatIsMissing_andARepeatedReferenceReturnsTheSameOrder() {
        String channel = merchant.channel(List.of(east, west), "MOST_STOCK", true, 0);
        String sku = merchant.product(channel);
        merchant.receive(west, sku, 2, "5.00");

        Map<String, Object> request = TestMerchant.order(channel, merchant.id("B2B-1"), line(sku, 5));
        Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders", request);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("status").asText()).isEqualTo("BACKORDERED");
        assertThat(placed.body().path("allocations").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(placed.body().path("backorders").get(0).path("quantity").asInt()).isEqualTo(3);

        Http.Response repeated = Http.post(TestApps.commandUrl() + "/api/orders", request);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.body().path("orderId").asText()).isEqualTo(placed.body().path("orderId").asText());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode board = order(placed.body().path("orderId").asText());
            assertThat(board.path("status").asText()).isEqualTo("BACKORDERED");
        });
    }
}
