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
 * The unusual-return-rate alert through the APIs, hand-computed: a new SKU has no shipments before the 30-day window
 * and neither has the test database (every order in it is from today), so its baseline is 0 % and the threshold
 * max(2 × 0, 0 + 5) = 5 %. 10 units ship and 5 are asked back: 50 % with 5 units (the minimum), the alert is raised
 * (measured 50.00, threshold 5.00). 100 more units ship: 5 of 110 = 4.55 %, below 5 %, it resolves itself.
 */
class UnusualReturnRateAlertTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void raisedWhenASkusReturnsRunFarAboveItsBaselineAndResolvedWhenTheyNoLongerDo() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 120, "4.00");
        String first = shippedAndDelivered(channel, warehouse, sku, 10);

        Http.Response requested = Http.post(TestApps.commandUrl() + "/api/orders/" + first + "/returns",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 5, "reason", "DEFECTIVE"))));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("totalItems").asInt() == 1);
        JsonNode alert = alerts(sku).path("items").get(0);
        assertThat(alert.path("alertId").asText()).isEqualTo("UNUSUAL_RETURN_RATE~" + sku);
        assertThat(alert.path("status").asText()).isEqualTo("OPEN");
        assertThat(alert.path("sku").asText()).isEqualTo(sku);
        assertThat(alert.path("measured").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(alert.path("summary").asText()).contains("5 units asked back").contains("all SKUs'");

        shippedAndDelivered(channel, warehouse, sku, 100);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(sku).path("items").get(0).path("status").asText()
                .equals("RESOLVED"));
        JsonNode resolved = alerts(sku).path("items").get(0);
        assertThat(resolved.path("resolvedAutomatically").asBoolean()).isTrue();
        assertThat(resolved.path("resolutionReason").asText()).contains("4.55 %");
    }

    private String shippedAndDelivered(String channel, String warehouse, String sku, int quantity) {
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, quantity));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        Http.Response shipped = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", warehouse, "carrier", "DHL", "trackingNumber", "RR-" + quantity));
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(201);
        Http.Response delivered = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/delivery",
                Map.of());
        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
        return orderId;
    }

    private static JsonNode alerts(String sku) {
        Http.Response response = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts?status=ANY&type="
                + "UNUSUAL_RETURN_RATE&sku=" + sku);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }
}
