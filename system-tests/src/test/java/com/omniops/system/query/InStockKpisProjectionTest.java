package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.Money;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In-stock rate and stockouts against figures worked out by hand (docs/kpis.md "Worked example: in stock"): one
 * channel with two warehouses and a safety buffer of 2, three SKUs, the week of Monday 2021-03-01. Events are stored in
 * the order they happened, as the command side stores them.
 */
class InStockKpisProjectionTest {

    private static final LocalDate MON = LocalDate.parse("2021-03-01");
    private static final Money COST = Money.of("2.00", "EUR");

    private final String channel = uniqueId("CH-IN");
    private final String north = uniqueId("WH-IN-N");
    private final String south = uniqueId("WH-IN-S");

    @Test
    void skuDaysInStockOverSkuDaysListedAndTheStockoutsBetween() {
        String p1 = uniqueId("P1");
        String p2 = uniqueId("P2");
        String p3 = uniqueId("P3");
        append("Channel", channel, 0, new ChannelRegistered(channel, "In-stock test", ChannelType.WEBSITE, "EUR", true,
                List.of(north, south), AllocationStrategy.values()[0], false, 2, at(-1, 8)));
        // Mon 08:00 P1 and P2 listed, no stock: out; 09:00 5 of P1 in the north (5 − 2 = 3 to sell: in), 2 of P2 in
        // the south (2 − 2 = 0: still out)
        append("Product", p1, 0, new ProductListedOnChannel(p1, channel, p1, at(0, 8)));
        append("Product", p2, 0, new ProductListedOnChannel(p2, channel, p2, at(0, 8)));
        append("StockItem", north + ":" + p1, 0, received(north, p1, 5, 5, at(0, 9)));
        append("StockItem", south + ":" + p2, 0, received(south, p2, 2, 2, at(0, 9)));
        // Tue: 3 of P2 in the north → 5 − 2 = 3: in
        append("StockItem", north + ":" + p2, 0, received(north, p2, 3, 3, at(1, 9)));
        // Wed: P3 listed (no stock, out); 3 of P1 reserved → 2 − 2 = 0: out, a stockout
        append("Product", p3, 0, new ProductListedOnChannel(p3, channel, p3, at(2, 8)));
        append("StockItem", north + ":" + p1, 1, new StockReserved(north + ":" + p1, p1, north, "ORD-1", 1, 3, 5, 3,
                at(2, 10)));
        // Thu: the reservation released → in again
        append("StockItem", north + ":" + p1, 2, new StockReservationReleased(north + ":" + p1, p1, north, "ORD-1", 1,
                3, "cancelled", 5, 0, at(3, 10)));
        // Fri: P2 discontinued: no longer counted
        append("Product", p2, 1, new ProductDiscontinued(p2, "range change", at(4, 8)));

        // end of day (listed, in stock): Mon 2/1, Tue 2/2, Wed 3/1, Thu 3/2, Fri–Sun 2/1 each
        // → SKU-days 2+2+3+3+2+2+2 = 16, in stock 1+2+1+2+1+1+1 = 9 → 56.25 %; one stockout
        JsonNode week = await("/api/kpis?channel=" + channel + "&granularity=WEEK&from=" + MON + "&to=" + MON);
        JsonNode inStock = week.path("periods").get(0).path("inStock");
        assertThat(inStock.path("skuDays").asLong()).isEqualTo(16);
        assertThat(inStock.path("inStockSkuDays").asLong()).isEqualTo(9);
        assertThat(inStock.path("rate").decimalValue()).isEqualByComparingTo("56.25");
        assertThat(inStock.path("stockouts").asLong()).isEqualTo(1);
        JsonNode days = get("/api/kpis?channel=" + channel + "&granularity=DAY&from=" + MON + "&to="
                + MON.plusDays(6)).json().path("periods");
        assertThat(days.get(2).path("inStock").path("rate").decimalValue()).as("Wednesday: 1 of 3")
                .isEqualByComparingTo("33.33");
        assertThat(days.get(2).path("inStock").path("stockouts").asLong()).isEqualTo(1);
        assertThat(days.get(1).path("inStock").path("rate").decimalValue()).as("Tuesday: 2 of 2")
                .isEqualByComparingTo("100.00");
        assertThat(days.get(6).path("inStock").path("skuDays").asLong()).as("Sunday, no event: carried").isEqualTo(2);
        // the week before: the channel listed nothing yet
        assertThat(week.path("periods").get(0).path("change").path("inStockRate").isNull()).isTrue();
    }

    private static StockReceived received(String warehouse, String sku, int quantity, int onHandAfter, Instant at) {
        return new StockReceived(warehouse + ":" + sku, sku, warehouse, quantity, COST, ReceiptSource.PURCHASE_ORDER,
                "PO", COST, onHandAfter, 0, at);
    }

    private static Instant at(int days, int hour) {
        return MON.plusDays(days).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private static JsonNode await(String path) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    QuerySideUnderTest.Response response = get(path);
                    last[0] = response.json();
                    return response.status() == 200
                            && response.json().path("periods").get(0).path("inStock").path("skuDays").asLong() == 16
                            && response.json().path("periods").get(0).path("inStock").path("stockouts").asLong() == 1;
                });
        return last[0];
    }
}
