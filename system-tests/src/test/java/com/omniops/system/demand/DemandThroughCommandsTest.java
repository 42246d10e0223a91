package com.omniops.system.demand;

import static com.omniops.system.demand.DemandProjectionTest.awaitSeries;
import static com.omniops.system.demand.DemandProjectionTest.days;
import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders placed and shipped through the command API show up as demand, and the forecast follows. */
class DemandThroughCommandsTest {

    private final TestMerchant merchant = new TestMerchant();
    private final String warehouse = merchant.id("WH");

    @Test
    void shippedOrdersBecomeDailyDemandAndAForecast() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC);
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 100, "5.00");

        String first = placed(merchant.placeOrder(channel, line(sku, 2)));
        String second = placed(merchant.placeOrder(channel, line(sku, 3)));
        placed(merchant.placeOrder(channel, line(sku, 4)));  // reserved, never shipped
        ship(first);
        ship(second);

        // Reservations and shipments happen now; the window covers a midnight passing during the test.
        JsonNode series = awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + warehouse + "&from="
                + start.minusDays(1) + "&to=" + start.plusDays(1), s -> s.path("totalShipped").asLong() == 5
                && s.path("totalReserved").asLong() == 9);
        assertThat(days(series)).hasSize(3).contains(start.minusDays(1) + " 0/0");
        JsonNode shippingDay = null;
        for (JsonNode day : series.path("days")) {
            if (day.path("shipped").asInt() > 0) {
                shippingDay = day;
            }
        }
        assertThat(shippingDay).isNotNull();
        assertThat(shippingDay.path("shipped").asInt()).isEqualTo(5);
        assertThat(LocalDate.parse(shippingDay.path("date").asText())).isAfterOrEqualTo(start);

        // history: the 7 days up to the shipping day = 0 0 0 0 0 0 5 → ADI 7 → Croston-SBA
        // z = 5, p = 7 → 0.9 · 5/7 = 0.6429; no day after the first demand → σd = 0
        JsonNode forecast = Http.as("warehouse").getAs(TestApps.queryUrl() + "/api/forecast?sku=" + sku
                + "&warehouse=" + warehouse + "&days=7&asOf=" + shippingDay.path("date").asText()
                + "&leadTimeMeanDays=3").body();
        assertThat(forecast.path("history").path("totalShipped").asLong()).isEqualTo(5);
        assertThat(forecast.path("method").asText()).isEqualTo("CROSTON_SBA");
        assertThat(forecast.path("forecastDailyRate").decimalValue()).isEqualByComparingTo("0.6429");
        assertThat(forecast.path("demandStdDev").decimalValue()).isEqualByComparingTo("0");
        // ROP = 3 · 0.642857 + 0 = 1.9286
        assertThat(forecast.path("reorderPoint").path("reorderPoint").decimalValue()).isEqualByComparingTo("1.9286");
    }

    private static String placed(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("orderId").asText();
    }

    private void ship(String orderId) {
        Http.Response shipped = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", warehouse));
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(201);
    }
}
