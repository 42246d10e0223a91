package com.omniops.system.demand;

import static com.omniops.system.demand.DemandProjectionTest.awaitSeries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/forecast: the method the history calls for, the forecast and the reorder point, with known answers. */
class ForecastApiTest {

    private final TestMerchant ids = new TestMerchant();
    private final String sku = ids.id("SKU");
    private final String east = ids.id("EAST");
    private final String west = ids.id("WEST");

    @Test
    void demandOnEveryDayIsSmoothedExponentially_andTheReorderPointShowsItsNumbers() {
        LocalDate d1 = LocalDate.parse("2026-02-01");
        int[] daily = {10, 12, 8, 10, 10, 9, 11};
        StockEvents stock = new StockEvents(sku, east).received(500, d1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(6, d1).shipped(4, d1);                  // day 1 in two shipments
        for (int day = 1; day < daily.length; day++) {
            stock.shipped(daily[day], d1.plusDays(day));
        }
        stock.shipped(50, d1.plusDays(7)).append();             // after asOf: not part of the history
        new StockEvents(sku, west).received(10, d1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(9, d1.plusDays(2)).append();            // another warehouse
        awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + east + "&from=" + d1 + "&to=" + d1.plusDays(7),
                s -> s.path("totalShipped").asLong() == 120);

        Http.Response response = Http.as("purchasing").getAs(TestApps.queryUrl() + "/api/forecast?sku=" + sku
                + "&warehouse=" + east + "&days=7&asOf=2026-02-07&serviceLevel=0.95&leadTimeMeanDays=4"
                + "&leadTimeStdDevDays=1");

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode f = response.body();
        assertThat(f.path("sku").asText()).isEqualTo(sku);
        assertThat(f.path("warehouseId").asText()).isEqualTo(east);
        assertThat(f.path("generatedAt").asText()).isNotBlank();
        assertThat(f.path("history").path("from").asText()).isEqualTo("2026-02-01");
        assertThat(f.path("history").path("to").asText()).isEqualTo("2026-02-07");
        assertThat(f.path("history").path("days").asInt()).isEqualTo(7);
        assertThat(f.path("history").path("daysWithDemand").asInt()).isEqualTo(7);
        assertThat(f.path("history").path("totalShipped").asLong()).isEqualTo(70);
        // ADI = 7/7 = 1 ≤ 1.32 → SES; sizes 10,12,8,10,10,9,11: μ = 10, σ² = 10/7, CV² = 0.0143
        assertThat(f.path("classification").path("adi").decimalValue()).isEqualByComparingTo("1");
        assertThat(f.path("classification").path("cv2").decimalValue()).isEqualByComparingTo("0.0143");
        assertThat(f.path("classification").path("adiCutoff").decimalValue()).isEqualByComparingTo("1.32");
        assertThat(f.path("method").asText()).isEqualTo("SES");
        assertThat(f.path("alpha").decimalValue()).isEqualByComparingTo("0.2");
        // ℓ: 10 → 10.4 → 9.92 → 9.936 → 9.9488 → 9.75904 → 10.007232
        // errors 2, −2.4, 0.08, 0.064, −0.9488, 1.24096: Σe² = 12.2106992, σd = sqrt(12.2106992 / 6) = 1.4266
        assertThat(f.path("forecastDailyRate").decimalValue()).isEqualByComparingTo("10.0072");
        assertThat(f.path("demandStdDev").decimalValue()).isEqualByComparingTo("1.4266");
        assertThat(f.path("residualCount").asInt()).isEqualTo(6);
        // z = 1.6449; d̄·L̄ = 10.007232 · 4 = 40.0289
        // SS = 1.6449 · sqrt(4 · 1.4266² + 10.0072² · 1²) = 1.6449 · sqrt(8.1406 + 100.1447) = 17.1164
        // ROP = 40.0289 + 17.1164 = 57.1453
        JsonNode rop = f.path("reorderPoint");
        assertThat(rop.path("serviceLevel").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(rop.path("z").decimalValue()).isEqualByComparingTo("1.6449");
        assertThat(rop.path("leadTimeMeanDays").decimalValue()).isEqualByComparingTo("4");
        assertThat(rop.path("leadTimeStdDevDays").decimalValue()).isEqualByComparingTo("1");
        assertThat(rop.path("leadTimeDemand").decimalValue()).isEqualByComparingTo("40.0289");
        assertThat(rop.path("safetyStock").decimalValue()).isEqualByComparingTo("17.1164");
        assertThat(rop.path("reorderPoint").decimalValue()).isEqualByComparingTo("57.1453");
        assertThat(rop.path("formula").asText()).contains("sqrt");

        // all warehouses: day 3 has 8 + 9
        // the other warehouse's events may sit in another segment: wait for them too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode network = Http.get(TestApps.queryUrl() + "/api/forecast?sku=" + sku
                    + "&days=7&asOf=2026-02-07").body();
            assertThat(network.path("warehouseId").isNull()).isTrue();
            assertThat(network.path("history").path("totalShipped").asLong()).isEqualTo(79);
            assertThat(network.path("reorderPoint").isNull()).as("no lead time, no reorder point").isTrue();
        });
    }

    @Test
    void intermittentDemandIsForecastWithCrostonSba() {
        LocalDate d1 = LocalDate.parse("2026-03-01");
        new StockEvents(sku, east).received(100, d1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(4, d1.plusDays(2)).shipped(2, d1.plusDays(2))   // day 3: 6
                .shipped(4, d1.plusDays(4))                               // day 5: 4
                .shipped(5, d1.plusDays(8))                               // day 9: 5
                .append();
        awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + east + "&from=" + d1 + "&to=" + d1.plusDays(9),
                s -> s.path("totalShipped").asLong() == 15);

        JsonNode f = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/forecast?sku=" + sku + "&warehouse="
                + east + "&days=10&asOf=2026-03-10&leadTimeMeanDays=2").body();

        // 0 0 6 0 4 0 0 0 5 0: ADI = 10/3 = 3.3333 > 1.32 → Croston-SBA
        assertThat(f.path("method").asText()).isEqualTo("CROSTON_SBA");
        assertThat(f.path("classification").path("adi").decimalValue()).isEqualByComparingTo("3.3333");
        assertThat(f.path("classification").path("cv2").decimalValue()).isEqualByComparingTo("0.0267");
        assertThat(f.path("history").path("daysWithDemand").asInt()).isEqualTo(3);
        // z: 6 → 5.6 → 5.48; p: 3 → 2.8 → 3.04; rate = 0.9 · 5.48 / 3.04 = 1.6224
        // errors on days 4..10: −1.8, 2.2, −1.8, −1.8, −1.8, 3.2, −1.6224 → σd = sqrt(30.6721 / 7) = 2.0933
        assertThat(f.path("forecastDailyRate").decimalValue()).isEqualByComparingTo("1.6224");
        assertThat(f.path("demandStdDev").decimalValue()).isEqualByComparingTo("2.0933");
        assertThat(f.path("residualCount").asInt()).isEqualTo(7);
        // fixed lead time 2 days: SS = 1.6449 · sqrt(2 · 2.0933²) = 4.8693; ROP = 2 · 1.6224 + 4.8693 = 8.114
        assertThat(f.path("reorderPoint").path("leadTimeStdDevDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(f.path("reorderPoint").path("safetyStock").decimalValue()).isEqualByComparingTo("4.8693");
        assertThat(f.path("reorderPoint").path("reorderPoint").decimalValue()).isEqualByComparingTo("8.114");
    }

    @Test
    void anUnknownStockItemIsNotFound() {
        new StockEvents(sku, east).received(1, LocalDate.parse("2026-01-01").atStartOfDay()
                .toInstant(ZoneOffset.UTC)).append();
        awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + east, s -> true);

        for (String path : List.of("/api/forecast?sku=" + sku + "&warehouse=" + west,
                "/api/forecast?sku=" + ids.id("NOPE"), "/api/demand?sku=" + ids.id("NOPE"),
                "/api/demand?sku=" + sku + "&warehouse=" + west)) {
            Http.Response response = Http.get(TestApps.queryUrl() + path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.code()).as(path).isEqualTo("UNKNOWN_STOCK_ITEM");
        }
        // known but without demand: a zero forecast, not an error
        LocalDate yesterdayBefore = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        JsonNode quiet = Http.get(TestApps.queryUrl() + "/api/forecast?sku=" + sku + "&warehouse=" + east
                + "&leadTimeMeanDays=5").body();
        LocalDate yesterdayAfter = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(quiet.path("forecastDailyRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(quiet.path("classification").path("adi").isNull()).isTrue();
        assertThat(quiet.path("reorderPoint").path("reorderPoint").decimalValue()).isEqualByComparingTo("0");
        assertThat(quiet.path("history").path("days").asInt()).isEqualTo(90);
        // default history: the 90 days up to yesterday by the query side's clock
        assertThat(List.of(yesterdayBefore.toString(), yesterdayAfter.toString()))
                .contains(quiet.path("history").path("to").asText());
    }

    @Test
    void badParametersAreProblemsWithAStableCode() {
        String forecast = "/api/forecast?sku=" + sku;
        for (String path : List.of(forecast + "&days=6", forecast + "&days=732", forecast + "&days=x",
                forecast + "&serviceLevel=1", forecast + "&serviceLevel=0.4", forecast + "&alpha=0",
                forecast + "&alpha=1.5", forecast + "&leadTimeMeanDays=-1", forecast + "&leadTimeStdDevDays=1",
                forecast + "&leadTimeMeanDays=abc", forecast + "&asOf=2026-13-01", "/api/forecast",
                "/api/forecast?sku=%20", "/api/demand", "/api/demand?sku=" + sku + "&from=2026-02-02&to=2026-02-01",
                "/api/demand?sku=" + sku + "&from=2024-01-01&to=2026-01-01", "/api/demand/skus?size=201",
                "/api/demand/skus?page=-1", "/api/demand/skus?from=yesterday")) {
            Http.Response response = Http.get(TestApps.queryUrl() + path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.code()).as(path).isEqualTo("INVALID_PARAMETER");
            assertThat(response.body().path("detail").asText()).as(path).isNotBlank()
                    .doesNotContain("Exception").doesNotContain("java.");
        }
    }

    @Test
    void channelIntegrationsMayNotReadDemand() {
        for (String path : List.of("/api/forecast?sku=" + sku, "/api/demand?sku=" + sku, "/api/demand/skus")) {
            Http.Response response = Http.as("web-shop").getAs(TestApps.queryUrl() + path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
            assertThat(Http.as("finance").getAs(TestApps.queryUrl() + path).status()).as(path).isNotIn(401, 403);
        }
    }
}
