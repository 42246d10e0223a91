package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.command;
import static com.omniops.system.audit.AuditTestSupport.placeOrder;
import static com.omniops.system.audit.AuditTestSupport.query;
import static com.omniops.system.audit.AuditTestSupport.ship;
import static com.omniops.system.audit.AuditTestSupport.stockedChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.StreamIds;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import com.omniops.system.support.TradeScenario;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** GET /api/audit/aggregates/{id}/state?at=: the state rebuilt from the events stored up to an instant. */
class AggregateStateAsOfTest {

    private final TestMerchant merchant = apps().merchant();

    @Test
    void anOrderBeforeItsShipmentIsPlacedAndAfterItIsShipped() {
        String[] c = stockedChannel(merchant, 5);
        String orderId = placeOrder(merchant, c[0], c[1], 2);
        Instant beforeShipment = afterTheClockTicks();
        ship(orderId, c[2]);

        JsonNode before = state(orderId, "?at=" + beforeShipment);
        JsonNode after = state(orderId, "");

        assertThat(before.get("aggregateType").asText()).isEqualTo("Order");
        assertThat(before.get("version").asLong()).isZero();
        assertThat(before.get("eventsApplied").asInt()).isEqualTo(1);
        assertThat(before.get("laterEvents").asInt()).isEqualTo(1);
        assertThat(before.path("state").path("status").asText()).isEqualTo("PLACED");
        assertThat(before.path("state").path("shipments").size()).isZero();
        assertThat(before.path("state").path("lines").path("1").path("allocated").asInt()).isEqualTo(2);
        assertThat(before.path("state").path("lines").path("1").path("shipped").asInt()).isZero();

        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(after.get("lastEventType").asText()).isEqualTo("OrderShipped");
        assertThat(after.path("state").path("status").asText()).isEqualTo("SHIPPED");
        assertThat(after.path("state").path("shipments").size()).isEqualTo(1);
        assertThat(after.path("state").path("lines").path("1").path("shipped").asInt()).isEqualTo(2);
        JsonNode allocation = after.path("state").path("allocations").path("1@" + c[2]);
        assertThat(allocation.path("reserved").asInt()).isEqualTo(2);
        assertThat(allocation.path("shipped").asInt()).isEqualTo(2);

        // the stock item, folded from its quantities: 5 received, 2 reserved, then 2 issued
        String stockItem = c[2] + ":" + c[1];
        JsonNode stockBefore = state(stockItem, "?at=" + beforeShipment).get("state");
        assertThat(stockBefore.path("onHand").asInt()).isEqualTo(5);
        assertThat(stockBefore.path("reserved").asInt()).isEqualTo(2);
        assertThat(stockBefore.path("reservations").path(orderId + "#1").asInt()).isEqualTo(2);
        assertThat(stockBefore.path("averageCost").path("amount").decimalValue()).isEqualByComparingTo("4.00");
        JsonNode stockNow = state(stockItem, "").get("state");
        assertThat(stockNow.path("onHand").asInt()).isEqualTo(3);
        assertThat(stockNow.path("reserved").asInt()).isZero();
        assertThat(stockNow.path("reservations").size()).isZero();
        assertThat(stockNow.path("discrepancies").size()).isZero();
    }

    @Test
    void productAndChannelStatesAndTheBusinessTimeBasis() {
        String[] c = stockedChannel(merchant, 1);
        Http.Response discontinued = command("/api/products/" + c[1] + "/discontinue", Map.of("reason", "recall"));
        assertThat(discontinued.status()).as(discontinued.body().toString()).isEqualTo(200);

        JsonNode product = state(c[1], "").get("state");
        assertThat(product.path("active").asBoolean()).isFalse();
        assertThat(product.path("discontinueReason").asText()).isEqualTo("recall");
        assertThat(product.path("listings").path(c[0]).path("channelSku").asText()).isEqualTo(c[0] + "-" + c[1]);

        JsonNode channel = state(StreamIds.channel(c[0]), "?basis=business").get("state");
        assertThat(channel.path("warehouseIds").get(0).asText()).isEqualTo(c[2]);
        assertThat(channel.path("safetyBuffer").asInt()).isZero();
    }

    @Test
    void everyAggregateOfEveryTypeHasAStateAsOfAnInstantOnBothBases() {
        TradeScenario trade = TradeScenario.run(apps());
        Set<String> types = new TreeSet<>();
        trade.streams().forEach((type, ids) -> ids.forEach(id -> {
            for (String basis : List.of("stored", "business")) {
                JsonNode state = state(id, "?basis=" + basis);
                assertThat(state.get("aggregateType").asText()).isEqualTo(type);
                assertThat(state.get("laterEvents").asInt()).isZero();
                types.add(state.get("aggregateType").asText());
            }
        }));
        assertThat(types).hasSize(9);

        JsonNode paid = state(trade.paidOrder(), "").get("state");
        assertThat(paid.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(paid.get("captured").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(paid.get("refunded").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(paid.get("refundable").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(paid.get("unitsReturned").asInt()).isEqualTo(3);
        assertThat(paid.path("returns").path(trade.returnId()).path("status").asText()).isEqualTo("INSPECTED");
        assertThat(paid.get("anomalies")).isEmpty();
        assertThat(state(trade.cancelledOrder(), "").path("state").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(state(trade.purchaseOrder(), "").path("state").path("status").asText()).isEqualTo("RECEIVED");
        assertThat(state(trade.refund(), "").path("state").path("status").asText()).isEqualTo("ISSUED");
        JsonNode transfer = state(StreamIds.transfer(trade.transfer()), "").path("state");
        assertThat(transfer.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(transfer.path("lines").path("1").path("inTransit").asInt()).isZero();
        for (String stockItem : trade.streams().get("StockItem")) {
            assertThat(state(stockItem, "").path("state").path("discrepancies")).isEmpty();
        }

        // a cut between two events of the paid order on the business basis: placed, not yet paid or shipped
        JsonNode history = query("/api/audit/aggregates/" + trade.paidOrder() + "/events").body();
        Instant placedAt = Instant.parse(history.path("items").get(0).path("payload").path("placedAt").asText());
        JsonNode atPlacement = state(trade.paidOrder(), "?basis=business&at=" + placedAt);
        assertThat(atPlacement.path("state").path("status").asText()).isEqualTo("PLACED");
        assertThat(atPlacement.path("state").path("captured").decimalValue()).isZero();
    }

    @Test
    void beforeTheFirstEventOrForAnUnknownIdTheAggregateIsNotFound() {
        String[] c = stockedChannel(merchant, 1);

        Http.Response tooEarly = query("/api/audit/aggregates/" + c[1] + "/state?at=2000-01-01");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.code()).isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(query("/api/audit/aggregates/NOPE/state").code()).isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(query("/api/audit/aggregates/" + c[1] + "/state?at=soon").code()).isEqualTo("INVALID_PARAMETER");
        assertThat(query("/api/audit/aggregates/" + c[1] + "/state?basis=vibes").code()).isEqualTo("INVALID_PARAMETER");
    }

    private static JsonNode state(String aggregateId, String query) {
        Http.Response response = query("/api/audit/aggregates/" + aggregateId + "/state" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /**
     * An instant (millisecond precision, like the stored timestamps) after everything stored so far and strictly
     * before anything stored from now on: wait until the clock has moved past it.
     */
    private static Instant afterTheClockTicks() {
        Instant cut = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(cut));
        return cut;
    }
}
