package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.Money;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.stock.StockCounted;
import com.omniops.system.query.QuerySideUnderTest.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The KPI read model against figures worked out by hand (docs/kpis.md "Worked example"): six orders of one channel in
 * the week of Monday 2025-02-03, their shipments, deliveries, a cancellation and two returns, and four stock counts.
 */
class KpisProjectionTest {

    private static final LocalDate MON = LocalDate.parse("2025-02-03");

    private final String channel = uniqueId("KPI");
    private final String warehouse = uniqueId("WH-KPI");

    @Test
    void perfectOrderCycleTimeFillRateAndInventoryAccuracyMatchTheHandWorkedWeek() {
        // A: placed Mon 10:00, lines 2 + 1 units all reserved, promised Tue, one shipment Tue, delivered Wed 10:00
        //    → perfect, 48 h
        String a = order(at(0, 10), MON.plusDays(1), List.of(2, 1), List.of(2, 1));
        append("Order", a, 1, shipped(a, "A1", at(1, 9), 1, 2, 2, 1), delivered(a, "A1", at(2, 10)));
        // B: placed Mon 12:00, 4 units of which 3 reserved (1 backordered), promised Tue; 3 shipped Tue, 1 shipped
        //    Thu (after the promise), delivered Wed and Fri 12:00 → late, not complete, 96 h, counted on Fri
        String b = order(at(0, 12), MON.plusDays(1), List.of(4), List.of(3));
        append("Order", b, 1, shipped(b, "B1", at(1, 9), 1, 3), delivered(b, "B1", at(2, 12)),
                shipped(b, "B2", at(3, 9), 1, 1), delivered(b, "B2", at(4, 12)));
        // C: placed Tue 08:00, promised Wed, shipped Wed 08:00, delivered Wed 20:00 (36 h); a return DAMAGED later
        String c = order(at(1, 8), MON.plusDays(2), List.of(1), List.of(1));
        append("Order", c, 1, shipped(c, "C1", at(2, 8), 1, 1), delivered(c, "C1", at(2, 20)));
        // D: placed Tue 09:00, two lines, promised Wed, shipped Wed, delivered Thu 09:00 (48 h); returned WRONG_ITEM
        String d = order(at(1, 9), MON.plusDays(2), List.of(1, 1), List.of(1, 1));
        append("Order", d, 1, shipped(d, "D1", at(2, 9), 1, 1, 2, 1), delivered(d, "D1", at(3, 9)),
                new ReturnRequested(d, "RET-D", List.of(new ReturnLine(1, "SKU-1", 1, ReturnReason.WRONG_ITEM, null),
                        new ReturnLine(2, "SKU-2", 1, ReturnReason.NO_LONGER_NEEDED, null)), at(6, 10)));
        // E: placed Tue 10:00, 2 units reserved, cancelled an hour later: fill rate only
        String e = order(at(1, 10), MON.plusDays(2), List.of(2), List.of(2));
        append("Order", e, 1, new OrderCancelled(e, "customer", List.of(), at(1, 11)));
        // F: placed Thu, 5 units, none reserved: fill rate only
        String f = order(at(3, 15), MON.plusDays(5), List.of(5), List.of(0));
        // C's return names damage a week after its delivery: C leaves Wednesday's perfect and damage-free counts
        append("Order", c, 3, new ReturnRequested(c, "RET-C", List.of(new ReturnLine(1, "SKU-1", 1,
                ReturnReason.DAMAGED, "box crushed")), at(8, 10)));
        // counts: Wed 2 of 3 within tolerance; the next Tuesday 1 of 1
        count("C1", at(2, 7), true);
        count("C2", at(2, 7), true);
        count("C3", at(2, 8), false);
        count("C4", at(8, 7), true);

        JsonNode weeks = await(kpis("granularity=WEEK&from=" + MON + "&to=" + MON.plusDays(7)),
                r -> r.path("periods").get(1).path("inventoryAccuracy").path("counts").asInt() >= 1
                        && r.path("periods").get(0).path("perfectOrder").path("damageFree").asInt() == 3);
        assertThat(weeks.path("from").asText()).isEqualTo("2025-02-03");
        assertThat(weeks.path("to").asText()).isEqualTo("2025-02-16");
        JsonNode week = weeks.path("periods").get(0);
        assertThat(week.path("period").asText()).isEqualTo("2025-W06");
        JsonNode perfect = week.path("perfectOrder");
        // delivered in the week: A (perfect), C (damaged), D (wrong item), B (late, two shipments and a backorder)
        assertThat(perfect.path("ordersDelivered").asInt()).isEqualTo(4);
        assertThat(perfect.path("perfect").asInt()).isEqualTo(1);
        assertThat(perfect.path("rate").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(perfect.path("onTimeRate").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(perfect.path("shippedCompleteRate").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(perfect.path("damageFreeRate").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(perfect.path("documentationAccurateRate").decimalValue()).isEqualByComparingTo("75.00");
        // 0.75⁴ = 0.31640625: the product form says 31.64 % where the count form says 25.00 %
        assertThat(perfect.path("componentProduct").decimalValue()).isEqualByComparingTo("31.64");
        JsonNode cycle = week.path("cycleTime");
        // 48 + 96 + 36 + 48 = 228 h over 4; nearest rank of 36, 48, 48, 96: p50 = 2nd, p90 = 4th
        assertThat(cycle.path("orders").asInt()).isEqualTo(4);
        assertThat(cycle.path("meanHours").decimalValue()).isEqualByComparingTo("57.00");
        assertThat(cycle.path("p50Hours").asInt()).isEqualTo(48);
        assertThat(cycle.path("p90Hours").asInt()).isEqualTo(96);
        JsonNode fill = week.path("fillRate");
        // lines: A 2/2, B 0/1, C 1/1, D 2/2, E 1/1, F 0/1 = 6/8; units: 3/3 + 3/4 + 1/1 + 2/2 + 2/2 + 0/5 = 11/17
        assertThat(fill.path("ordersPlaced").asInt()).isEqualTo(6);
        assertThat(fill.path("linesOrdered").asLong()).isEqualTo(8);
        assertThat(fill.path("linesFilled").asLong()).isEqualTo(6);
        assertThat(fill.path("lineRate").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(fill.path("unitsOrdered").asLong()).isEqualTo(17);
        assertThat(fill.path("unitsFilled").asLong()).isEqualTo(11);
        assertThat(fill.path("unitRate").decimalValue()).isEqualByComparingTo("64.71");
        assertThat(week.path("inventoryAccuracy").path("counts").asInt()).isEqualTo(3);
        assertThat(week.path("inventoryAccuracy").path("rate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(week.path("daysToClose").isNull()).isTrue();
        // ship cohort: 3 + 3 (Tue) + 1 + 2 (Wed) + 1 (Thu) units shipped; C's 1 and D's 2 asked back, both Wed's
        JsonNode returns = week.path("returnRate");
        assertThat(returns.path("unitsShipped").asLong()).isEqualTo(10);
        assertThat(returns.path("unitsReturned").asLong()).isEqualTo(3);
        assertThat(returns.path("rate").decimalValue()).isEqualByComparingTo("30.00");
        // by value (net channel: a line's gross = units × 10.00 + its 1.90 tax): A 21.90 + 11.90, B 3 and then 1 of
        // 41.90 = 31.43 (31.425 rounded half-up) + 10.48, C 11.90, D 11.90 + 11.90 → 111.41 shipped; C's and D's
        // three lines returned in full, 35.70 → 32.04 %
        JsonNode byValue = returns.path("byValue");
        assertThat(byValue).hasSize(1);
        assertThat(byValue.get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(byValue.get(0).path("shipped").decimalValue()).isEqualByComparingTo("111.41");
        assertThat(byValue.get(0).path("returned").decimalValue()).isEqualByComparingTo("35.70");
        assertThat(byValue.get(0).path("rate").decimalValue()).isEqualByComparingTo("32.04");

        JsonNode next = weeks.path("periods").get(1);
        assertThat(next.path("period").asText()).isEqualTo("2025-W07");
        assertThat(next.path("perfectOrder").path("ordersDelivered").asInt()).isZero();
        assertThat(next.path("perfectOrder").path("rate").isNull()).as("a rate of nothing is not 100 %").isTrue();
        assertThat(next.path("cycleTime").path("meanHours").isNull()).isTrue();
        assertThat(next.path("inventoryAccuracy").path("rate").decimalValue()).isEqualByComparingTo("100.00");
        // change against the week before: +33.33 points of accuracy; no perfect order rate to compare with
        assertThat(next.path("change").path("inventoryAccuracy").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(next.path("change").path("perfectOrderRate").isNull()).isTrue();
        // the first week is compared with the one before it (nothing delivered there either)
        assertThat(week.path("change").path("perfectOrderRate").isNull()).isTrue();

        // Wednesday alone: A perfect, C damaged → 50 %; cycle 48 and 36 h → mean 42, p50 36, p90 48
        JsonNode wednesday = get(kpis("granularity=DAY&from=" + MON.plusDays(2) + "&to=" + MON.plusDays(3)))
                .json().path("periods");
        assertThat(wednesday.get(0).path("perfectOrder").path("rate").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(wednesday.get(0).path("cycleTime").path("meanHours").decimalValue()).isEqualByComparingTo("42.00");
        assertThat(wednesday.get(0).path("cycleTime").path("p50Hours").asInt()).isEqualTo(36);
        assertThat(wednesday.get(0).path("cycleTime").path("p90Hours").asInt()).isEqualTo(48);
        assertThat(wednesday.get(0).path("returnRate").path("rate").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(wednesday.get(0).path("returnRate").path("byValue").get(0).path("rate").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(wednesday.get(1).path("returnRate").path("byValue").get(0).path("shipped").decimalValue())
                .as("B's last unit: 41.90 − 31.43 would be 10.47; its own share is 10.48").isEqualByComparingTo("10.48");
        assertThat(wednesday.get(1).path("returnRate").path("unitsShipped").asLong()).as("B's second shipment")
                .isEqualTo(1);
        assertThat(wednesday.get(1).path("returnRate").path("rate").decimalValue()).isEqualByComparingTo("0.00");
        // Thursday: D, wrong item → 0 %; change against Wednesday −50 points
        assertThat(wednesday.get(1).path("perfectOrder").path("rate").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(wednesday.get(1).path("change").path("perfectOrderRate").decimalValue())
                .isEqualByComparingTo("-50.00");

        // the drill-down: which delivered orders were not perfect, and which placed ones were not filled
        assertThat(orderIds("days=DELIVERED&from=" + MON + "&to=" + MON.plusDays(6) + "&failed=ANY"))
                .containsExactly(c, d, b);
        assertThat(orderIds("days=DELIVERED&from=" + MON + "&to=" + MON.plusDays(6) + "&failed=ON_TIME"))
                .containsExactly(b);
        assertThat(orderIds("days=DELIVERED&from=" + MON + "&to=" + MON.plusDays(6) + "&failed=DAMAGE_FREE"))
                .containsExactly(c);
        assertThat(orderIds("days=PLACED&from=" + MON + "&to=" + MON.plusDays(6) + "&failed=FILLED"))
                .containsExactly(b, f);
        JsonNode orderB = get("/api/kpis/orders?channel=" + channel + "&days=DELIVERED&from=" + MON.plusDays(4)
                + "&to=" + MON.plusDays(4)).json().path("items").get(0);
        assertThat(orderB.path("orderId").asText()).isEqualTo(b);
        assertThat(orderB.path("shipments").asInt()).isEqualTo(2);
        assertThat(orderB.path("onTime").asBoolean()).isFalse();
        assertThat(orderB.path("shippedComplete").asBoolean()).isFalse();
        assertThat(orderB.path("perfect").asBoolean()).isFalse();
        assertThat(orderB.path("cycleSeconds").asLong()).isEqualTo(96 * 3600);
    }

    @Test
    void aReturnSeenTwiceTakesTheOrderOutOfThePerfectCountOnce() {
        String a = order(at(0, 10), MON.plusDays(1), List.of(1), List.of(1));
        ReturnRequested damaged = new ReturnRequested(a, "RET-A", List.of(new ReturnLine(1, "SKU-1", 1,
                ReturnReason.DEFECTIVE, null)), at(5, 10));
        append("Order", a, 1, shipped(a, "A1", at(1, 9), 1, 1), delivered(a, "A1", at(2, 10)), damaged);
        String path = kpis("granularity=DAY&from=" + MON.plusDays(2) + "&to=" + MON.plusDays(2));
        await(path, r -> r.path("periods").get(0).path("perfectOrder").path("damageFree").asInt() == 0
                && r.path("periods").get(0).path("perfectOrder").path("ordersDelivered").asInt() == 1);

        // the same event again, e.g. redelivered after a crash before the token was stored: the read model keeps the
        // order's last sequence and leaves its counts alone
        var adapter = new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(
                QuerySideUnderTest.bean(com.omniops.projections.kpis.KpisProjector.class));
        QuerySideUnderTest.bean(org.axonframework.common.transaction.TransactionManager.class)
                .executeInTransaction(() -> {
                    try {
                        adapter.handle(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Order", a, 3,
                                damaged));
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
        JsonNode day = get(path).json().path("periods").get(0).path("perfectOrder");
        assertThat(day.path("ordersDelivered").asInt()).isEqualTo(1);
        assertThat(day.path("damageFree").asInt()).isZero();
        assertThat(day.path("perfect").asInt()).isZero();
        assertThat(day.path("onTime").asInt()).isEqualTo(1);
        JsonNode tuesday = get(kpis("granularity=DAY&from=" + MON.plusDays(1) + "&to=" + MON.plusDays(1))).json()
                .path("periods").get(0).path("returnRate");
        assertThat(tuesday.path("unitsShipped").asLong()).isEqualTo(1);
        assertThat(tuesday.path("unitsReturned").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertThat(code(get("/api/kpis?granularity=YEAR"))).isEqualTo("INVALID_PARAMETER granularity");
        assertThat(code(get("/api/kpis?from=2025-03-01&to=2025-02-01"))).isEqualTo("INVALID_PARAMETER from");
        assertThat(code(get("/api/kpis?granularity=DAY&from=2020-01-01&to=2025-01-01")))
                .isEqualTo("INVALID_PARAMETER from");
        assertThat(code(get("/api/kpis?to=2025-02-30"))).isEqualTo("INVALID_PARAMETER to");
        assertThat(code(get("/api/kpis/orders?failed=LATE"))).isEqualTo("INVALID_PARAMETER failed");
        assertThat(code(get("/api/kpis/orders?days=SHIPPED"))).isEqualTo("INVALID_PARAMETER days");
        assertThat(code(get("/api/kpis/orders?size=500"))).isEqualTo("INVALID_PARAMETER size");
        // defaults: the last 12 months, ending with this one
        JsonNode months = get("/api/kpis").json();
        assertThat(months.path("granularity").asText()).isEqualTo("MONTH");
        assertThat(months.path("periods")).hasSize(12);
    }

    // ---- the scenario ---------------------------------------------------------------------------------------------

    /** Places an order (sequence 0), a line per quantity, {@code reserved} of each reserved, the rest backordered. */
    private String order(Instant placedAt, LocalDate promised, List<Integer> quantities, List<Integer> reserved) {
        String orderId = uniqueId("ORD-KPI");
        List<OrderLine> lines = new ArrayList<>();
        List<LineAllocation> allocations = new ArrayList<>();
        List<LineBackorder> backorders = new ArrayList<>();
        for (int i = 0; i < quantities.size(); i++) {
            int lineNo = i + 1;
            String sku = "SKU-" + lineNo;
            lines.add(new OrderLine(lineNo, sku, quantities.get(i), new BigDecimal("10.00"), BigDecimal.ZERO,
                    new BigDecimal("1.90")));
            if (reserved.get(i) > 0) {
                allocations.add(new LineAllocation(lineNo, sku, warehouse, reserved.get(i)));
            }
            if (reserved.get(i) < quantities.get(i)) {
                backorders.add(new LineBackorder(lineNo, sku, quantities.get(i) - reserved.get(i)));
            }
        }
        append("Order", orderId, 0, new OrderPlaced(orderId, channel, "REF-" + orderId, "CUST-1", "EUR", false,
                lines, BigDecimal.ZERO, promised, allocations, backorders, placedAt));
        return orderId;
    }

    /** A shipment of (lineNo, quantity) pairs. */
    private OrderShipped shipped(String orderId, String shipmentId, Instant at, int... lineAndQuantity) {
        List<ShippedLine> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(new ShippedLine(lineAndQuantity[i], "SKU-" + lineAndQuantity[i], lineAndQuantity[i + 1]));
        }
        return new OrderShipped(orderId, shipmentId, warehouse, lines, "DHL", "TRK-" + shipmentId,
                new BigDecimal("4.00"), at);
    }

    private static OrderDelivered delivered(String orderId, String shipmentId, Instant at) {
        return new OrderDelivered(orderId, shipmentId, at);
    }

    private void count(String countId, Instant at, boolean withinTolerance) {
        String sku = uniqueId("SKU-COUNT");
        append("StockItem", warehouse + ":" + sku, 0, new StockCounted(warehouse + ":" + sku, sku, warehouse, countId,
                10, withinTolerance ? 10 : 7, withinTolerance ? 0 : -3, withinTolerance, Money.of("2.00", "EUR"),
                Money.of(withinTolerance ? "0.00" : "-6.00", "EUR"), List.of(), "counter", null,
                withinTolerance ? 10 : 7, 0, at));
    }

    /** Monday plus {@code days}, at {@code hour}:00 UTC. */
    private static Instant at(int days, int hour) {
        return MON.plusDays(days).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private String kpis(String query) {
        return "/api/kpis?channel=" + channel + "&" + query;
    }

    private List<String> orderIds(String query) {
        List<String> ids = new ArrayList<>();
        get("/api/kpis/orders?channel=" + channel + "&" + query).json().path("items")
                .forEach(o -> ids.add(o.path("orderId").asText()));
        return ids;
    }

    private static JsonNode await(String path, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response response = get(path);
                    last[0] = response.json();
                    return response.status() == 200 && ready.test(response.json());
                });
        return last[0];
    }

    private static String code(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        return response.json().path("code").asText() + " " + response.json().path("parameter").asText();
    }
}
