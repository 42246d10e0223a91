package com.omniops.system.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Margin erosion through the APIs, hand-computed with the default rule (an order under 10 %; a channel's SKU under
 * 20 % with at least 200.00 of net sales over the last 30 days). 22 units are received at 19.00. An order of 11 at
 * 19.90 (net of tax) ships: 218.90 net sales − 209.00 cost = 9.90, 4.52 %: the order and the channel's SKU are both
 * eroded. A second order of 11 at 40.00 ships: 440.00 − 209.00 = 231.00, 52.50 %, not eroded; the SKU over both
 * orders: 658.90 − 418.00 = 240.90, 36.56 %, resolved. The first order's alert stays open: its margin has not changed.
 * The margins API says the same figures, from the same definition.
 */
class MarginErosionAlertTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void raisedForAnOrderAndAChannelsSkuUnderTheirMarginsAndResolvedWhenTheSkuRecovers() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 22, "19.00");

        String thin = shipped(channel, warehouse, TestMerchant.line(sku, 11));
        String orderAlert = "MARGIN_EROSION~order~" + thin;
        String skuAlert = "MARGIN_EROSION~sku~" + channel + "~" + sku;
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(orderAlert).status() == 200
                && alert(skuAlert).status() == 200);
        JsonNode order = alert(orderAlert).body();
        assertThat(order.path("type").asText()).isEqualTo("MARGIN_EROSION");
        assertThat(order.path("status").asText()).isEqualTo("OPEN");
        assertThat(order.path("orderId").asText()).isEqualTo(thin);
        assertThat(order.path("channelId").asText()).isEqualTo(channel);
        assertThat(order.path("measured").decimalValue()).isEqualByComparingTo("4.52");
        assertThat(order.path("threshold").decimalValue()).isEqualByComparingTo("10");
        assertThat(order.path("summary").asText()).contains("gross margin 9.90 EUR on net sales 218.90 EUR")
                .contains("cost of goods sold 209.00 EUR");
        JsonNode skuRaised = alert(skuAlert).body();
        assertThat(skuRaised.path("sku").asText()).isEqualTo(sku);
        assertThat(skuRaised.path("channelId").asText()).isEqualTo(channel);
        assertThat(skuRaised.path("measured").decimalValue()).isEqualByComparingTo("4.52");
        assertThat(skuRaised.path("threshold").decimalValue()).isEqualByComparingTo("20");
        // the same figure from the margins API (the one definition both read)
        JsonNode margin = Http.as("finance").getAs(TestApps.queryUrl() + "/api/margins?groupBy=ORDER&orderId=" + thin)
                .body().path("items").get(0).path("margin");
        assertThat(margin.path("grossMarginPercent").decimalValue()).isEqualByComparingTo("4.52");
        // listed with the type filter, once per subject however many checks ran
        JsonNode listed = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts?type=MARGIN_EROSION&channel="
                + channel).body();
        assertThat(listed.path("items")).extracting(a -> a.path("alertId").asText())
                .containsExactlyInAnyOrder(orderAlert, skuAlert);

        Map<String, Object> dear = Map.of("sku", sku, "quantity", 11, "unitPrice", new BigDecimal("40.00"),
                "taxAmount", new BigDecimal("83.60"));
        String healthy = shipped(channel, warehouse, dear);
        await().atMost(Duration.ofSeconds(30)).until(() -> alert(skuAlert).body().path("status").asText()
                .equals("RESOLVED"));
        JsonNode resolved = alert(skuAlert).body();
        assertThat(resolved.path("resolvedAutomatically").asBoolean()).isTrue();
        assertThat(resolved.path("resolutionReason").asText()).contains("no longer eroded")
                .contains("36.56 %");
        assertThat(alert(orderAlert).body().path("status").asText()).isEqualTo("OPEN");
        assertThat(alert("MARGIN_EROSION~order~" + healthy).status()).isEqualTo(404);
    }

    /** Places an order of {@code line} on the channel and ships it from the warehouse; returns its id. */
    private String shipped(String channel, String warehouse, Map<String, Object> line) {
        Http.Response placed = merchant.placeOrder(channel, line);
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        Http.Response shipped = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", warehouse));
        assertThat(shipped.status()).as(shipped.raw().body()).isEqualTo(201);
        return orderId;
    }

    private static Http.Response alert(String alertId) {
        return Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts/" + alertId);
    }
}
