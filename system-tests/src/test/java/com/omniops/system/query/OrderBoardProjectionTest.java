package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.system.query.QuerySideUnderTest.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OrderBoardProjectionTest {

    private static final Instant PLACED = Instant.parse("2026-03-14T09:26:53Z");

    private final String channel = uniqueId("WEB");

    @Test
    void orderMovesFromBackorderedThroughShipmentsToDelivered() {
        String orderId = uniqueId("ORD");
        append("Order", orderId, 0, placed(orderId, channel, PLACED));

        JsonNode order = awaitOrder(orderId, o -> true);
        assertThat(order.get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(order.get("channelId").asText()).isEqualTo(channel);
        assertThat(order.get("channelOrderRef").asText()).isEqualTo("REF-" + orderId);
        assertThat(order.get("customerId").asText()).isEqualTo("CUST-9");
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("placedAt").asText()).isEqualTo("2026-03-14T09:26:53Z");
        assertThat(order.get("promisedShipDate").asText()).isEqualTo("2026-03-16");
        JsonNode totals = order.get("totals");
        assertThat(totals.get("lineCount").asInt()).isEqualTo(2);
        assertThat(totals.get("unitsOrdered").asInt()).isEqualTo(5);
        assertThat(totals.get("unitsAllocated").asInt()).isEqualTo(4);
        assertThat(totals.get("unitsBackordered").asInt()).isEqualTo(1);
        assertThat(totals.get("unitsShipped").asInt()).isZero();
        // (3 × 39.90 − 5.00 + 19.95) + (2 × 10.00 − 0 + 3.80) + 4.95 = 134.65 + 23.80 + 4.95
        assertThat(totals.get("orderTotal").decimalValue()).isEqualByComparingTo("163.40");
        assertThat(totals.get("shippingCharge").decimalValue()).isEqualByComparingTo("4.95");
        JsonNode line1 = order.get("lines").get(0);
        assertThat(line1.get("lineNo").asInt()).isEqualTo(1);
        assertThat(line1.get("lineTotal").decimalValue()).isEqualByComparingTo("134.65");
        assertThat(line1.get("allocated").asInt()).isEqualTo(2);
        assertThat(line1.get("backordered").asInt()).isEqualTo(1);
        assertThat(line1.get("allocations")).hasSize(1);
        assertThat(line1.get("allocations").get(0).get("warehouseId").asText()).isEqualTo("WH-EAST");
        JsonNode line2 = order.get("lines").get(1);
        assertThat(line2.get("allocations")).hasSize(2);
        assertThat(order.get("backorders")).hasSize(1);
        assertThat(order.get("backorders").get(0).get("quantity").asInt()).isEqualTo(1);

        append("Order", orderId, 1, new OrderShipped(orderId, "SHP-1", "WH-EAST",
                List.of(new ShippedLine(1, "SKU-A", 2), new ShippedLine(2, "SKU-B", 1)), "DHL", "TRK-1",
                new BigDecimal("6.10"), PLACED.plusSeconds(3600)));
        order = awaitOrder(orderId, o -> o.get("status").asText().equals("PARTIALLY_SHIPPED"));
        assertThat(order.get("totals").get("unitsShipped").asInt()).isEqualTo(3);
        assertThat(order.get("shipments")).hasSize(1);
        assertThat(order.get("shipments").get(0).get("lines")).hasSize(2);
        assertThat(order.get("lastShippedAt").asText()).isEqualTo("2026-03-14T10:26:53Z");

        append("Order", orderId, 2,
                new OrderShipped(orderId, "SHP-2", "WH-WEST", List.of(new ShippedLine(2, "SKU-B", 1)), "UPS",
                        "TRK-2", new BigDecimal("4.20"), PLACED.plusSeconds(7200)),
                new OrderShipped(orderId, "SHP-3", "WH-EAST", List.of(new ShippedLine(1, "SKU-A", 1)), "UPS",
                        "TRK-3", null, PLACED.plusSeconds(10800)),
                new OrderDelivered(orderId, "SHP-1", PLACED.plusSeconds(86400)));
        order = awaitOrder(orderId, o -> o.get("totals").get("unitsShipped").asInt() == 5
                && o.get("shipments").get(0).hasNonNull("deliveredAt"));
        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.get("deliveredAt").isNull()).isTrue();
        assertThat(order.get("lines").get(1).get("allocations").get(1).get("shipped").asInt()).isEqualTo(1);

        append("Order", orderId, 5, new OrderDelivered(orderId, "SHP-2", PLACED.plusSeconds(90000)),
                new OrderDelivered(orderId, "SHP-3", PLACED.plusSeconds(95000)));
        order = awaitOrder(orderId, o -> o.get("status").asText().equals("DELIVERED"));
        assertThat(order.get("deliveredAt").asText()).isEqualTo(PLACED.plusSeconds(95000).toString());
    }

    @Test
    void cancelledOrderIsCancelled() {
        String orderId = uniqueId("ORD");
        append("Order", orderId, 0, placed(orderId, channel, PLACED),
                new OrderCancelled(orderId, "customer changed mind",
                        List.of(new LineAllocation(1, "SKU-A", "WH-EAST", 2)), PLACED.plusSeconds(60)));
        JsonNode order = awaitOrder(orderId, o -> o.get("status").asText().equals("CANCELLED"));
        assertThat(order.get("cancelledAt").asText()).isEqualTo("2026-03-14T09:27:53Z");
        assertThat(order.get("cancelReason").asText()).isEqualTo("customer changed mind");
    }

    @Test
    void listShowsNewestPlacedFirstAndFiltersByChannelAndStatus() {
        String older = uniqueId("ORD");
        String newer = uniqueId("ORD");
        String cancelled = uniqueId("ORD");
        append("Order", older, 0, placed(older, channel, PLACED));
        append("Order", newer, 0, placed(newer, channel, PLACED.plusSeconds(60)));
        append("Order", cancelled, 0, placed(cancelled, channel, PLACED.plusSeconds(30)),
                new OrderCancelled(cancelled, "fraud", List.of(), PLACED.plusSeconds(90)));

        Response all = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/orders?channel=" + channel),
                        r -> r.status() == 200 && r.json().get("totalItems").asLong() == 3
                                && r.json().get("items").findValuesAsText("status").contains("CANCELLED"));
        List<String> ids = all.json().get("items").findValuesAsText("orderId");
        assertThat(ids).containsExactly(newer, cancelled, older);
        JsonNode summary = all.json().get("items").get(0);
        assertThat(summary.get("orderTotal").decimalValue()).isEqualByComparingTo("163.40");
        assertThat(summary.get("unitsOrdered").asInt()).isEqualTo(5);

        JsonNode backordered = get("/api/orders?channel=" + channel + "&status=BACKORDERED").json();
        assertThat(backordered.get("items").findValuesAsText("orderId")).containsExactly(newer, older);

        JsonNode secondPage = get("/api/orders?channel=" + channel + "&page=1&size=2").json();
        assertThat(secondPage.get("items").findValuesAsText("orderId")).containsExactly(older);
        assertThat(secondPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void errorsAreProblemsWithStableCodes() {
        Response missing = get("/api/orders/" + uniqueId("NOPE"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asText()).isEqualTo("ORDER_NOT_FOUND");

        Response badStatus = get("/api/orders?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(badStatus.json().get("detail").asText()).contains("status");

        Response tooBig = get("/api/orders?size=500");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("code").asText()).isEqualTo("INVALID_PARAMETER");

        Response unknownRoute = get("/api/nothing-here");
        // Security denies what no rule covers, so an unknown route is refused rather than looked up.
        assertThat(unknownRoute.status()).isEqualTo(403);
        assertThat(unknownRoute.contentType()).startsWith("application/problem+json");
        assertThat(unknownRoute.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(unknownRoute.raw()).doesNotContain("Exception").doesNotContain("org.springframework");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/availability")).isTrue();
        assertThat(docs.json().get("paths").has("/api/orders/{orderId}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/orders")).isTrue();
        assertThat(get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        // metrics are for operators: the read-only viewer is refused
        assertThat(get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
    }

    static OrderPlaced placed(String orderId, String channelId, Instant placedAt) {
        return new OrderPlaced(orderId, channelId, "REF-" + orderId, "CUST-9", "EUR", false,
                List.of(new OrderLine(1, "SKU-A", 3, new BigDecimal("39.90"), new BigDecimal("5.00"),
                                new BigDecimal("19.95")),
                        new OrderLine(2, "SKU-B", 2, new BigDecimal("10.00"), BigDecimal.ZERO,
                                new BigDecimal("3.80"))),
                new BigDecimal("4.95"), LocalDate.parse("2026-03-16"),
                List.of(new LineAllocation(1, "SKU-A", "WH-EAST", 2),
                        new LineAllocation(2, "SKU-B", "WH-EAST", 1),
                        new LineAllocation(2, "SKU-B", "WH-WEST", 1)),
                List.of(new LineBackorder(1, "SKU-A", 1)), placedAt);
    }

    private static JsonNode awaitOrder(String orderId, Predicate<JsonNode> matches) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/orders/" + orderId), r -> r.status() == 200 && matches.test(r.json()))
                .json();
    }
}
