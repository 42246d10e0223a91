package com.omniops.system.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A channel connector's batch intake (POST /api/channels/{channel}/orders/batch): each marketplace order placed on its
 * own with a result per order, a bad order rejected alone with the problem a single placement gets, the marketplace
 * order id deduplicating within a batch and across retries, two connectors taking the same scarce stock at once
 * without overselling it; and a cancellation the marketplace reports, by its order id, applied once per event id.
 */
class OrderIntakeTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void eachOrderIsPlacedOnItsOwnAndARetriedBatchPlacesNothingTwice() {
        String warehouse = merchant.id("IN-W");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String a = merchant.product(channel);
        String b = merchant.product(channel);
        merchant.receive(warehouse, a, 10, "4.00");
        merchant.receive(warehouse, b, 10, "4.00");
        String first = marketplaceId();
        String last = marketplaceId();
        List<Map<String, Object>> orders = List.of(
                order(first, "EUR", item(channel + "-" + a, 2)),
                order(first, "EUR", item(channel + "-" + a, 2)),                  // the same marketplace order again
                order(marketplaceId(), "EUR", item(channel + "-NOT-LISTED", 1)),
                invalidOrder(),
                order(marketplaceId(), "USD", item(channel + "-" + b, 1)),        // not the channel's currency
                order(last, "EUR", item(channel + "-" + b, 3)));

        JsonNode batch = intake(channel, orders);
        assertThat(batch.path("placed").asInt()).isEqualTo(2);
        assertThat(batch.path("alreadyPlaced").asInt()).isEqualTo(1);
        assertThat(batch.path("rejected").asInt()).isEqualTo(3);
        JsonNode results = batch.path("results");
        assertThat(results).extracting(r -> r.path("outcome").asText()).containsExactly("PLACED", "ALREADY_PLACED",
                "REJECTED", "REJECTED", "REJECTED", "PLACED");
        assertThat(results.get(1).path("orderId").asText()).isEqualTo(results.get(0).path("orderId").asText());
        assertThat(results.get(2).path("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).path("problem").path("code").asText()).isEqualTo("UNKNOWN_CHANNEL_SKU");
        assertThat(results.get(3).path("status").asInt()).isEqualTo(400);
        assertThat(results.get(3).path("problem").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(3).path("problem").path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("orders[3].buyerId", "orders[3].items[0].quantity");
        assertThat(results.get(4).path("problem").path("code").asText()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(results).allSatisfy(r -> assertThat(r.path("retriable").asBoolean()).isFalse());
        assertThat(results.get(5).path("placement").path("allocations")).isNotEmpty();

        String placedFirst = results.get(0).path("orderId").asText();
        String placedLast = results.get(5).path("orderId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(TestApps.queryUrl() + "/api/orders/" + placedLast).status() == 200);
        JsonNode onBoard = Http.get(TestApps.queryUrl() + "/api/orders/" + placedFirst).body();
        assertThat(onBoard.path("channelOrderRef").asText()).isEqualTo(first);
        assertThat(onBoard.path("lines").get(0).path("sku").asText()).isEqualTo(a);

        JsonNode retried = intake(channel, orders);
        assertThat(retried.path("placed").asInt()).as("a connector retrying after a timeout").isZero();
        assertThat(retried.path("alreadyPlaced").asInt()).isEqualTo(3);
        assertThat(retried.path("results").get(0).path("orderId").asText()).isEqualTo(placedFirst);
        assertThat(retried.path("results").get(5).path("orderId").asText()).isEqualTo(placedLast);
        await().atMost(Duration.ofSeconds(30)).until(() -> reserved(channel, a) == 2 && reserved(channel, b) == 3);
    }

    @Test
    void twoConnectorsTakingTheSameScarceStockAtOnceNeverOversellIt() {
        String warehouse = merchant.id("IN-SHARED");
        String one = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String two = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(one, two);
        merchant.receive(warehouse, sku, 15, "4.00");
        CompletableFuture<JsonNode> fromOne = CompletableFuture.supplyAsync(() -> intake(one, singles(one, sku, 12)));
        CompletableFuture<JsonNode> fromTwo = CompletableFuture.supplyAsync(() -> intake(two, singles(two, sku, 12)));
        List<JsonNode> results = new ArrayList<>();
        fromOne.join().path("results").forEach(results::add);
        fromTwo.join().path("results").forEach(results::add);

        long placed = results.stream().filter(r -> r.path("outcome").asText().equals("PLACED")).count();
        assertThat(placed).as("15 units for 24 orders of one").isEqualTo(15);
        assertThat(results).filteredOn(r -> r.path("outcome").asText().equals("REJECTED"))
                .allSatisfy(r -> assertThat(r.path("problem").path("code").asText()).isEqualTo("INSUFFICIENT_STOCK"))
                .hasSize(9);
        await().atMost(Duration.ofSeconds(30)).until(() -> reserved(one, sku) == 15);
    }

    @Test
    void aCancellationTheMarketplaceReportsCancelsTheOrderOnceByTheMarketplaceEventId() {
        String warehouse = merchant.id("IN-C");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
        String marketplaceOrder = marketplaceId();
        JsonNode placed = intake(channel, List.of(order(marketplaceOrder, "EUR", item(channel + "-" + sku, 2))));
        String orderId = placed.path("results").get(0).path("orderId").asText();
        String url = TestApps.commandUrl() + "/api/channels/" + channel + "/orders/" + marketplaceOrder
                + "/cancellation";
        Map<String, Object> body = Map.of("reason", "Buyer cancelled on the marketplace");

        Http.Response cancelled = Http.post(url, body, "Idempotency-Key", "EVT-" + marketplaceOrder);
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.body().path("orderId").asText()).isEqualTo(orderId);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("released")).isNotEmpty();
        Http.Response redelivered = Http.post(url, body, "Idempotency-Key", "EVT-" + marketplaceOrder);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.header("Idempotent-Replayed")).isEqualTo("true");
        Http.Response anotherEvent = Http.post(url, body, "Idempotency-Key", "EVT-2-" + marketplaceOrder);
        assertThat(anotherEvent.status()).isEqualTo(409);
        assertThat(anotherEvent.code()).isEqualTo("ORDER_ALREADY_CANCELLED");
        Http.Response never = Http.post(TestApps.commandUrl() + "/api/channels/" + channel + "/orders/"
                + marketplaceId() + "/cancellation", body);
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(Http.as("amazon-connector").postAs(url, body).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).until(() -> reserved(channel, sku) == 0);
    }

    @Test
    void aMalformedBatchAnotherChannelsConnectorAndAnUnknownChannelAreRefusedWhole() {
        String channel = merchant.channel(List.of(merchant.id("IN-X")), "PRIORITY", false, 0);
        String url = TestApps.commandUrl() + "/api/channels/" + channel + "/orders/batch";
        Http.Response empty = Http.post(url, Map.of("orders", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Map.of("marketplaceOrderId", "M" + i));
        }
        assertThat(Http.post(url, Map.of("orders", tooMany)).status()).isEqualTo(400);
        Http.Response other = Http.as("amazon-connector").postAs(url, Map.of("orders", List.of(
                order(marketplaceId(), "EUR", item("X", 1)))));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        Http.Response unknown = Http.post(TestApps.commandUrl() + "/api/channels/" + merchant.id("NOPE")
                + "/orders/batch", Map.of("orders", List.of(order(marketplaceId(), "EUR", item("X", 1)))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CHANNEL");
    }

    private static JsonNode intake(String channel, List<Map<String, Object>> orders) {
        Http.Response response = Http.post(TestApps.commandUrl() + "/api/channels/" + channel + "/orders/batch",
                Map.of("orders", orders));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static List<Map<String, Object>> singles(String channel, String sku, int count) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order(marketplaceId(), "EUR", item(channel + "-" + sku, 1)));
        }
        return orders;
    }

    /** Units reserved of the SKU in the channel's warehouses, as the availability read model has them. */
    private static int reserved(String channel, String sku) {
        JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                .body().path("items");
        int reserved = 0;
        for (JsonNode warehouse : items.path(0).path("warehouses")) {
            reserved += warehouse.path("reserved").asInt();
        }
        return reserved;
    }

    private static String marketplaceId() {
        return "MKT-" + UUID.randomUUID();
    }

    @SafeVarargs
    private static Map<String, Object> order(String marketplaceOrderId, String currency, Map<String, Object>... items) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("marketplaceOrderId", marketplaceOrderId);
        order.put("buyerId", "BUYER-1");
        order.put("currency", currency);
        order.put("items", List.of(items));
        order.put("shippingPrice", new BigDecimal("3.99"));
        return order;
    }

    private static Map<String, Object> invalidOrder() {
        Map<String, Object> order = new LinkedHashMap<>(order(marketplaceId(), "EUR", item("ANY", 0)));
        order.remove("buyerId");
        return order;
    }

    private static Map<String, Object> item(String channelSku, int quantity) {
        return Map.of("channelSku", channelSku, "quantity", quantity, "itemPrice", new BigDecimal("19.90"),
                "tax", new BigDecimal("3.80"));
    }
}
