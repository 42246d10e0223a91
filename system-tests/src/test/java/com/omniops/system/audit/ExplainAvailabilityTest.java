package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.command;
import static com.omniops.system.audit.AuditTestSupport.placeOrder;
import static com.omniops.system.audit.AuditTestSupport.query;
import static com.omniops.system.audit.AuditTestSupport.ship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import com.omniops.system.support.TradeScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/audit/explain/availability: the figure rebuilt from the events equals the read model's. */
class ExplainAvailabilityTest {

    private final TestMerchant merchant = apps().merchant();

    @Test
    void theExplanationFromTheEventsEqualsWhatTheAvailabilityReadModelReports() {
        String north = merchant.id("NORTH");
        String south = merchant.id("SOUTH");
        String channel = merchant.channel(List.of(north, south), "PRIORITY", false, 2);
        String sku = merchant.product(channel);
        merchant.receive(north, sku, 6, "3.00");
        merchant.receive(south, sku, 5, "3.50");
        String order = placeOrder(merchant, channel, sku, 4);  // 4 reserved in north
        placeOrder(merchant, channel, sku, 3);                 // 2 in north, 1 in south
        ship(order, north);                                    // 4 leave north
        Http.Response adjusted = command("/api/stock/" + south + "/" + sku + "/adjustments",
                Map.of("quantityDelta", -1, "reason", "DAMAGED"));
        assertThat(adjusted.status()).as(adjusted.body().toString()).isEqualTo(201);

        JsonNode explained = query("/api/audit/explain/availability?channel=" + channel + "&sku=" + sku).body();

        // north: 6 − 4 shipped = 2 on hand, 2 reserved → 0; south: 5 − 1 damaged = 4, 1 reserved → 3; (0 + 3) − 2 = 1
        assertThat(explained.get("availableToSell").asInt()).isEqualTo(1);
        assertThat(explained.get("safetyBuffer").asInt()).isEqualTo(2);
        assertThat(explained.get("shownInAvailability").asBoolean()).isTrue();
        assertThat(explained.get("arithmetic").asText()).isEqualTo("max(0, (0 + 3) − safetyBuffer 2) = 1");
        JsonNode w1 = explained.get("warehouses").get(0);
        assertThat(w1.get("warehouseId").asText()).isEqualTo(north);
        assertThat(w1.get("onHand").asInt()).isEqualTo(2);
        assertThat(w1.get("reserved").asInt()).isEqualTo(2);
        assertThat(w1.get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("StockReceived", "StockReserved", "StockReserved", "StockIssued");
        assertThat(w1.get("events")).allMatch(e -> e.get("recordedMatches").asBoolean());
        JsonNode issued = w1.get("events").get(3);
        assertThat(issued.get("onHandDelta").asInt()).isEqualTo(-4);
        assertThat(issued.get("reservedDelta").asInt()).isEqualTo(-4);
        assertThat(issued.get("onHand").asInt()).isEqualTo(2);
        JsonNode w2 = explained.get("warehouses").get(1);
        assertThat(w2.get("arithmetic").asText()).isEqualTo("max(0, onHand 4 − reserved 1 − quarantine 0 − refurbishment 0) = 3");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode items = query("/api/availability?channel=" + channel + "&sku=" + sku).body().get("items");
            assertThat(items).hasSize(1);
            JsonNode row = items.get(0);
            assertThat(row.get("availableToSell").asInt()).isEqualTo(explained.get("availableToSell").asInt());
            for (int i = 0; i < 2; i++) {
                JsonNode readModel = row.get("warehouses").get(i);
                JsonNode fromEvents = explained.get("warehouses").get(i);
                assertThat(readModel.get("warehouseId")).isEqualTo(fromEvents.get("warehouseId"));
                assertThat(readModel.get("onHand")).isEqualTo(fromEvents.get("onHand"));
                assertThat(readModel.get("reserved")).isEqualTo(fromEvents.get("reserved"));
                assertThat(readModel.get("available")).isEqualTo(fromEvents.get("available"));
            }
        });
    }

    @Test
    void afterReturnsHoldsAndATransferOutTheExplanationEqualsTheReadModelExactly() {
        TradeScenario trade = TradeScenario.run(apps());

        JsonNode explained = query("/api/audit/explain/availability?channel=" + trade.channel() + "&sku="
                + trade.sku()).body();

        // hand-computed in TradeScenario: north 15 on hand, 1 quarantined, 1 in refurbishment → 13; south 11; − 1
        assertThat(explained.get("availableToSell").asInt()).isEqualTo(TradeScenario.AVAILABLE_TO_SELL);
        assertThat(explained.get("arithmetic").asText()).isEqualTo("max(0, (13 + 11) − safetyBuffer 1) = 23");
        JsonNode north = explained.get("warehouses").get(0);
        assertThat(north.get("arithmetic").asText())
                .isEqualTo("max(0, onHand 15 − reserved 0 − quarantine 1 − refurbishment 1) = 13");
        assertThat(north.get("events")).extracting(e -> e.get("type").asText()).contains("StockReturned",
                "StockTransferredOut", "StockReservationReleased", "StockIssued");
        JsonNode quarantined = north.get("events").findParents("type").stream()
                .filter(e -> e.get("reference").asText().endsWith("QUARANTINE")).findFirst().orElseThrow();
        assertThat(quarantined.get("onHandDelta").asInt()).isEqualTo(1);
        assertThat(quarantined.get("quarantineDelta").asInt()).isEqualTo(1);
        for (JsonNode warehouse : explained.get("warehouses")) {
            assertThat(warehouse.get("events")).as("recorded quantities of " + warehouse.get("warehouseId"))
                    .allMatch(e -> e.get("recordedMatches").asBoolean());
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode items = query("/api/availability?channel=" + trade.channel() + "&sku=" + trade.sku()).body()
                    .get("items");
            assertThat(items).hasSize(1);
            JsonNode row = items.get(0);
            assertThat(row.get("availableToSell").asInt()).isEqualTo(explained.get("availableToSell").asInt());
            assertThat(row.get("safetyBuffer")).isEqualTo(explained.get("safetyBuffer"));
            assertThat(row.get("warehouses")).hasSameSizeAs(explained.get("warehouses"));
            for (int i = 0; i < row.get("warehouses").size(); i++) {
                JsonNode readModel = row.get("warehouses").get(i);
                JsonNode fromEvents = explained.get("warehouses").get(i);
                for (String figure : List.of("warehouseId", "onHand", "reserved", "quarantine", "refurbishment",
                        "available")) {
                    assertThat(readModel.get(figure)).as(figure + " in " + fromEvents.get("warehouseId"))
                            .isEqualTo(fromEvents.get(figure));
                }
            }
        });

        for (JsonNode warehouse : explained.get("warehouses")) {
            JsonNode state = query("/api/audit/aggregates/" + warehouse.get("stockItemId").asText() + "/state")
                    .body().get("state");
            assertThat(state.get("discrepancies")).as(state.toString()).isEmpty();
            assertThat(state.get("available")).isEqualTo(warehouse.get("available"));
            assertThat(state.get("quarantine")).isEqualTo(warehouse.get("quarantine"));
            assertThat(state.get("refurbishment")).isEqualTo(warehouse.get("refurbishment"));
        }
    }

    @Test
    void anUnknownChannelOrAMissingParameterIsAProblem() {
        Http.Response unknown = query("/api/audit/explain/availability?channel=NOPE&sku=X");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CHANNEL");
        Http.Response missing = query("/api/audit/explain/availability?channel=NOPE");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("INVALID_PARAMETER");
    }
}
