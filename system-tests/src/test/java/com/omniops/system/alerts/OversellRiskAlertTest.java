package com.omniops.system.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Oversell risk, hand-computed: a channel with safety buffer 2 on one warehouse sells max(0, available − 2); the
 * threshold is max(buffer 2, minimum 3) = 3. 10 received: 8 to sell, no alert. Orders of 3 and 2: 3 to sell, still
 * none (not below 3). Another of 1: 2 to sell, the alert is raised (measured 2, threshold 3). The order of 2 is
 * cancelled: 4 to sell, it resolves itself.
 */
class OversellRiskAlertTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void raisedWhenWhatTheChannelMaySellFallsBelowTheThresholdAndResolvedWhenItRecovers() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 2);
        String sku = merchant.product(channel);
        String alertId = "OVERSELL_RISK~" + channel + "~" + sku;
        merchant.receive(warehouse, sku, 10, "4.00");
        place(channel, sku, 3);
        String two = place(channel, sku, 2);
        awaitAvailableToSell(channel, sku, 3);
        assertThat(alerts(sku).path("totalItems").asInt()).as("3 to sell is not below 3").isZero();

        place(channel, sku, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("totalItems").asInt() == 1);
        JsonNode alert = alerts(sku).path("items").get(0);
        assertThat(alert.path("alertId").asText()).isEqualTo(alertId);
        assertThat(alert.path("type").asText()).isEqualTo("OVERSELL_RISK");
        assertThat(alert.path("status").asText()).isEqualTo("OPEN");
        assertThat(alert.path("channelId").asText()).isEqualTo(channel);
        assertThat(alert.path("measured").decimalValue()).isEqualByComparingTo("2");
        assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("3");
        // the figure the alert judged is the availability read model's
        awaitAvailableToSell(channel, sku, 2);

        Http.Response cancelled = Http.post(TestApps.commandUrl() + "/api/orders/" + two + "/cancel",
                Map.of("reason", "customer changed their mind"));
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("items").get(0).path("status").asText()
                .equals("RESOLVED"));
        JsonNode resolved = alerts(sku).path("items").get(0);
        assertThat(resolved.path("resolvedAutomatically").asBoolean()).isTrue();
        assertThat(resolved.path("resolutionReason").asText()).contains("may sell 4 of " + sku + " again");
    }

    /**
     * Days of cover (settings: 2 days of the last 14 days' demand): a channel without a buffer, 40 received. An order
     * of 28 leaves 12 to sell; 28 ordered in 14 days is 2 a day, 2 days of cover = 4 units: no alert. An order of 8
     * more leaves 4; 36 ordered → 2 × 36 ÷ 14 = 5.14, rounded up 6 > the minimum 3: raised (measured 4, threshold 6).
     */
    @Test
    void raisedWhenWhatTheChannelMaySellCoversLessThanTwoDaysOfItsRecentDemand() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 40, "4.00");
        place(channel, sku, 28);
        awaitAvailableToSell(channel, sku, 12);
        place(channel, sku, 8);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("totalItems").asInt() == 1);
        JsonNode alert = alerts(sku).path("items").get(0);
        assertThat(alert.path("measured").decimalValue()).isEqualByComparingTo("4");
        assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("6");
        assertThat(alert.path("summary").asText()).contains("2 days of its 36 units ordered in the last 14 days");
        assertThat(alert.path("occurrence").asInt()).as("not raised at 12 to sell").isEqualTo(1);
    }

    /**
     * No stock moves, the channel's rules do: one warehouse with 10 on hand, no buffer, 10 to sell, no alert. The
     * buffer raised to 8 leaves 2 to sell (threshold max(8, 3) = 8): raised at once. Another warehouse with 10 added:
     * 20 − 8 = 12, not below 8: resolved, by the channel change alone.
     */
    @Test
    void aChannelChangeJudgesItsListingsAgainWithoutAnyStockMoving() {
        String first = merchant.id("WH-FIRST");
        String second = merchant.id("WH-SECOND");
        String channel = merchant.channel(List.of(first), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(first, sku, 10, "4.00");
        merchant.receive(second, sku, 10, "4.00");
        awaitAvailableToSell(channel, sku, 10);

        changeSettings(channel, Map.of("safetyBuffer", 8));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("totalItems").asInt() == 1);
        JsonNode alert = alerts(sku).path("items").get(0);
        assertThat(alert.path("measured").decimalValue()).isEqualByComparingTo("2");
        assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("8");

        changeSettings(channel, Map.of("warehouseIds", List.of(first, second)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("items").get(0).path("status").asText()
                .equals("RESOLVED"));
        assertThat(alerts(sku).path("items").get(0).path("resolutionReason").asText())
                .contains("may sell 12 of " + sku + " again");
    }

    private static void changeSettings(String channel, Map<String, Object> settings) {
        Http.Response changed = Http.post(TestApps.commandUrl() + "/api/channels/" + channel + "/settings", settings);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    }

    private String place(String channel, String sku, int quantity) {
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, quantity));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    private static JsonNode alerts(String sku) {
        Http.Response response = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts?status=ANY&type="
                + "OVERSELL_RISK&sku=" + sku);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static void awaitAvailableToSell(String channel, String sku, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&size=200")
                    .body().path("items");
            for (JsonNode item : items) {
                if (item.path("sku").asText().equals(sku)) {
                    return item.path("availableToSell").asInt() == expected;
                }
            }
            return false;
        });
    }
}
