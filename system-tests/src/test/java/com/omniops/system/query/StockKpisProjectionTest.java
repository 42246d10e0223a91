package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockTransferredOut;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Sell-through and stock aging against figures worked out by hand (docs/kpis.md "Worked example: stock"). Sell-through
 * is the company's (all warehouses), so its scenario lies in a week no other test uses (Monday 2022-09-05); aging is
 * as of today, so its scenario is dated back from today in a warehouse of its own.
 */
class StockKpisProjectionTest {

    private static final LocalDate MON = LocalDate.parse("2022-09-05");
    private static final Money COST = Money.of("2.00", "EUR");

    @Test
    void sellThroughIsSoldOverOpeningStockPlusReceiptsFromOutside() {
        String warehouse = uniqueId("WH-ST");
        String a = warehouse + ":A";
        String b = warehouse + ":B";
        // the Thursday before: 100 of A received
        append("StockItem", a, 0, received(a, warehouse, 100, ReceiptSource.PURCHASE_ORDER, 100, at(MON, -4)),
                // Mon: 30 sold; Tue: 50 received; Wed: 10 transferred out; Fri: 5 lost
                issued(a, warehouse, 30, 70, at(MON, 0)),
                received(a, warehouse, 50, ReceiptSource.PURCHASE_ORDER, 120, at(MON, 1)),
                new StockTransferredOut(a, "A", warehouse, "TR-1", "WH-ELSEWHERE", 10, COST, 110, 0, at(MON, 2)),
                new StockAdjusted(a, "A", warehouse, -5, AdjustmentReason.LOST, null, COST, 105, 0, at(MON, 4)));
        // Tue: 20 of B transferred in (neither received from outside nor sold); Thu: 5 sold. B's events come after
        // A's Friday one in the stream, as a generator appending stream by stream would store them: Thursday's opening
        // stock must still count B's transfer of Tuesday
        append("StockItem", b, 0, received(b, warehouse, 20, ReceiptSource.TRANSFER_IN, 20, at(MON, 1)),
                issued(b, warehouse, 5, 15, at(MON, 3)));

        // the week: opening 100, received 50, sold 30 + 5 = 35 → 35 ÷ 150 = 23.33 %; the week before: 0 of 0 + 100
        JsonNode weeks = await("/api/kpis?granularity=WEEK&from=" + MON + "&to=" + MON,
                r -> r.path("periods").get(0).path("sellThrough").path("sold").asLong() == 35);
        JsonNode week = weeks.path("periods").get(0).path("sellThrough");
        assertThat(week.path("openingOnHand").asLong()).isEqualTo(100);
        assertThat(week.path("received").asLong()).isEqualTo(50);
        assertThat(week.path("rate").decimalValue()).isEqualByComparingTo("23.33");
        assertThat(weeks.path("periods").get(0).path("change").path("sellThrough").decimalValue())
                .isEqualByComparingTo("23.33");
        // Monday: 30 of 100 = 30.00 %; Tuesday: opening 70, 50 received, nothing sold = 0.00 %; Thursday: opening
        // 70 + 50 − 10 + 20 = 130 (B's transfer is on hand now), 5 sold = 3.85 %
        JsonNode days = get("/api/kpis?granularity=DAY&from=" + MON + "&to=" + MON.plusDays(3)).json()
                .path("periods");
        assertThat(days.get(0).path("sellThrough").path("rate").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(days.get(1).path("sellThrough").path("openingOnHand").asLong()).isEqualTo(70);
        assertThat(days.get(1).path("sellThrough").path("rate").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(days.get(3).path("sellThrough").path("openingOnHand").asLong()).isEqualTo(130);
        assertThat(days.get(3).path("sellThrough").path("rate").decimalValue()).isEqualByComparingTo("3.85");
    }

    @Test
    void agingCountsTheUnitsLeftFirstInFirstOut() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String warehouse = uniqueId("WH-AGE");
        String item = warehouse + ":AGED";
        // received 200, 75, 45 and 10 days ago (40, 30, 20, 10 units); 50 shipped 5 days ago take the oldest 40 and
        // 10 of the next: left 20 (75 days), 20 (45 days), 10 (10 days)
        append("StockItem", item, 0,
                received(item, warehouse, 40, ReceiptSource.PURCHASE_ORDER, 40, at(today, -200)),
                received(item, warehouse, 30, ReceiptSource.PURCHASE_ORDER, 70, at(today, -75)),
                received(item, warehouse, 20, ReceiptSource.PURCHASE_ORDER, 90, at(today, -45)),
                received(item, warehouse, 10, ReceiptSource.PURCHASE_ORDER, 100, at(today, -10)),
                issued(item, warehouse, 50, 50, at(today, -5)));

        JsonNode aging = await("/api/kpis/stock-aging?warehouse=" + warehouse,
                r -> r.path("unitsOnHand").asLong() == 50);
        assertThat(aging.path("bands").findValuesAsText("band"))
                .containsExactly("DAYS_0_30", "DAYS_31_60", "DAYS_61_90", "DAYS_OVER_90");
        assertThat(aging.path("bands").findValues("units").stream().map(JsonNode::asLong))
                .containsExactly(10L, 20L, 20L, 0L);
        assertThat(aging.path("bands").get(1).path("percent").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(aging.path("bands").get(0).path("percent").decimalValue()).isEqualByComparingTo("20.00");

        JsonNode band = get("/api/kpis/stock-aging/items?band=DAYS_61_90&warehouse=" + warehouse).json();
        assertThat(band.path("totalItems").asLong()).isEqualTo(1);
        assertThat(band.path("items").get(0).path("stockItemId").asText()).isEqualTo(item);
        assertThat(band.path("items").get(0).path("units").asLong()).isEqualTo(20);
        assertThat(band.path("items").get(0).path("oldestDays").asLong()).isEqualTo(75);
        assertThat(get("/api/kpis/stock-aging/items?band=DAYS_OVER_90&warehouse=" + warehouse).json()
                .path("totalItems").asLong()).as("the 200-day layer was shipped first").isZero();
        assertThat(get("/api/kpis/stock-aging/items?band=OLD").status()).isEqualTo(400);
    }

    private static StockReceived received(String item, String warehouse, int quantity, ReceiptSource source,
                                          int onHandAfter, Instant at) {
        return new StockReceived(item, item.substring(item.indexOf(':') + 1), warehouse, quantity, COST, source,
                "REF", COST, onHandAfter, 0, at);
    }

    private static StockIssued issued(String item, String warehouse, int quantity, int onHandAfter, Instant at) {
        return new StockIssued(item, item.substring(item.indexOf(':') + 1), warehouse, "ORD-" + item, 1,
                "SHP-" + at.getEpochSecond(), quantity, COST, onHandAfter, 0, at);
    }

    /** {@code day} plus {@code days}, at 10:00 UTC. */
    private static Instant at(LocalDate day, int days) {
        return day.plusDays(days).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }

    private static JsonNode await(String path, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    QuerySideUnderTest.Response response = get(path);
                    last[0] = response.json();
                    return response.status() == 200 && ready.test(response.json());
                });
        return last[0];
    }
}
