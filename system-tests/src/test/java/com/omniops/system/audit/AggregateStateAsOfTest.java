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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
