package com.omniops.system.demand;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static com.omniops.projections.jooq.Tables.DEMAND_DAILY;
import static com.omniops.projections.jooq.Tables.DEMAND_STOCK_ITEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.Money;
import com.omniops.events.stock.StockIssued;
import com.omniops.projections.demand.DemandProjector;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The demand read model: shipped and reserved units per SKU, warehouse and UTC day, safe to replay. */
class DemandProjectionTest {

    private static final LocalDate D1 = LocalDate.parse("2026-01-05");

    private final TestMerchant ids = new TestMerchant();
    private final String sku = ids.id("SKU");
    private final String east = ids.id("EAST");
    private final String west = ids.id("WEST");

    @Test
    void daysCollectEveryShipmentAndReservationOfTheStockItem_zeroFilled() {
        StockEvents eastStock = new StockEvents(sku, east).received(100, D1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(4, D1).shipped(2, D1)          // two shipments on day 1 → 6
                .shipped(5, D1.plusDays(2))
                .reserved(3, D1.plusDays(3).atTime(23, 59, 59).toInstant(ZoneOffset.UTC)); // reserved, not shipped
        eastStock.append();
        new StockEvents(sku, west).received(50, D1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(7, D1.plusDays(2)).append();

        JsonNode series = awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + east + "&from=" + D1.minusDays(1)
                + "&to=" + D1.plusDays(4), s -> s.path("totalReserved").asLong() == 4 + 2 + 5 + 3);

        assertThat(series.path("sku").asText()).isEqualTo(sku);
        assertThat(series.path("warehouseId").asText()).isEqualTo(east);
        assertThat(series.path("from").asText()).isEqualTo("2026-01-04");
        assertThat(series.path("to").asText()).isEqualTo("2026-01-09");
        assertThat(series.path("totalShipped").asLong()).isEqualTo(11);
        assertThat(series.path("daysWithShipments").asInt()).isEqualTo(2);
        assertThat(days(series)).containsExactly(
                "2026-01-04 0/0", "2026-01-05 6/6", "2026-01-06 0/0", "2026-01-07 5/5", "2026-01-08 0/3",
                "2026-01-09 0/0");

        // without a warehouse: both warehouses summed per day
        JsonNode all = awaitSeries("/api/demand?sku=" + sku + "&from=" + D1 + "&to=" + D1.plusDays(2),
                s -> s.path("totalShipped").asLong() == 18);
        assertThat(all.path("warehouseId").isNull()).isTrue();
        assertThat(days(all)).containsExactly("2026-01-05 6/6", "2026-01-06 0/0", "2026-01-07 12/12");

        // the list per SKU and warehouse, most shipped first, paged
        String bestSeller = ids.id("SKU-BEST");
        new StockEvents(bestSeller, east).received(90, D1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(20, D1.plusDays(1)).append();
        awaitSeries("/api/demand?sku=" + bestSeller + "&from=" + D1 + "&to=" + D1.plusDays(1),
                s -> s.path("totalShipped").asLong() == 20);
        String list = TestApps.queryUrl() + "/api/demand/skus?warehouse=" + east + "&from=" + D1 + "&to="
                + D1.plusDays(3);
        Http.Response firstPage = Http.as("viewer").getAs(list + "&size=1");
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(firstPage.body().path("totalPages").asInt()).isEqualTo(2);
        assertThat(firstPage.body().path("page").asInt()).isZero();
        assertThat(firstPage.body().path("size").asInt()).isEqualTo(1);
        assertThat(rows(firstPage.body())).containsExactly(bestSeller + "@" + east + " 20/20 1");
        assertThat(rows(Http.get(list + "&size=1&page=1").body())).containsExactly(sku + "@" + east + " 11/14 2");
        assertThat(rows(Http.get(TestApps.queryUrl() + "/api/demand/skus?warehouse=" + west + "&from=" + D1
                + "&to=" + D1.plusDays(3)).body())).containsExactly(sku + "@" + west + " 7/7 1");
        // a range that ends before the shipments holds nothing
        assertThat(Http.get(list.replace("from=" + D1, "from=" + D1.minusDays(9)).replace("to=" + D1.plusDays(3),
                "to=" + D1.minusDays(1))).body().path("totalItems").asLong()).isZero();
    }

    private static List<String> rows(JsonNode page) {
        List<String> rows = new java.util.ArrayList<>();
        page.path("items").forEach(i -> rows.add(i.path("sku").asText() + "@" + i.path("warehouseId").asText()
                + " " + i.path("shippedUnits").asLong() + "/" + i.path("reservedUnits").asLong() + " "
                + i.path("daysWithShipments").asInt()));
        return rows;
    }

    @Test
    void aRedeliveredShipmentIsNotCountedTwice() {
        StockEvents stock = new StockEvents(sku, east).received(20, D1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(3, D1).shipped(4, D1);
        stock.append();
        String path = "/api/demand?sku=" + sku + "&warehouse=" + east + "&from=" + D1 + "&to=" + D1;
        awaitSeries(path, s -> s.path("totalShipped").asLong() == 7);

        // sequence 2 (the first StockIssued) arrives again, e.g. after a crash before the token was stored
        var adapter = new AnnotationEventHandlerAdapter(TestApps.querySide().getBean(DemandProjector.class));
        var stale = new GenericDomainEventMessage<>("StockItem", stock.stockItemId(), 2,
                new StockIssued(stock.stockItemId(), sku, east, "ORD-1", 1, "SHP-1", 3, Money.of("2.50", "EUR"),
                        17, 0, D1.atTime(15, 0).toInstant(ZoneOffset.UTC)));
        TestApps.querySide().getBean(TransactionManager.class).executeInTransaction(() -> {
            try {
                adapter.handle(stale);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        JsonNode series = Http.get(TestApps.queryUrl() + path).body();
        assertThat(series.path("totalShipped").asLong()).isEqualTo(7);
        assertThat(series.path("totalReserved").asLong()).isEqualTo(7);
    }

    @Test
    void resetAndReplayRebuildTheSameRowsAndLeaveOtherReadModelsAlone() {
        new StockEvents(sku, east).received(30, D1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .shipped(2, D1).shipped(9, D1.plusDays(1)).append();
        awaitSeries("/api/demand?sku=" + sku + "&warehouse=" + east + "&from=" + D1 + "&to=" + D1.plusDays(1),
                s -> s.path("totalShipped").asLong() == 11);
        DSLContext dsl = TestApps.querySide().getBean(DSLContext.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> dsl.fetchExists(AVAILABILITY_STOCK,
                AVAILABILITY_STOCK.SKU.eq(sku)));
        List<Map<String, Object>> daysBefore = dsl.selectFrom(DEMAND_DAILY).orderBy(DEMAND_DAILY.SKU,
                DEMAND_DAILY.WAREHOUSE_ID, DEMAND_DAILY.DEMAND_DATE).fetchMaps();
        List<Map<String, Object>> itemsBefore = dsl.selectFrom(DEMAND_STOCK_ITEM)
                .orderBy(DEMAND_STOCK_ITEM.STOCK_ITEM_ID).fetchMaps();
        int availabilityRows = dsl.fetchCount(AVAILABILITY_STOCK);

        StreamingEventProcessor demand = TestApps.querySide().getBean(EventProcessingConfiguration.class)
                .eventProcessor(DemandProjector.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        demand.shutDown();
        demand.resetTokens();
        assertThat(dsl.fetchCount(DEMAND_DAILY)).isZero();
        assertThat(dsl.fetchCount(DEMAND_STOCK_ITEM)).isZero();
        assertThat(dsl.fetchCount(AVAILABILITY_STOCK)).isEqualTo(availabilityRows);

        demand.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !demand.isReplaying()
                        && dsl.selectFrom(DEMAND_DAILY).orderBy(DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID,
                        DEMAND_DAILY.DEMAND_DATE).fetchMaps().equals(daysBefore)
                        && dsl.selectFrom(DEMAND_STOCK_ITEM).orderBy(DEMAND_STOCK_ITEM.STOCK_ITEM_ID).fetchMaps()
                        .equals(itemsBefore));
    }

    static JsonNode awaitSeries(String path, java.util.function.Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.as("viewer").getAs(TestApps.queryUrl() + path),
                        r -> r.status() == 200 && ready.test(r.body())).body();
    }

    /** "date shipped/reserved" per day. */
    static List<String> days(JsonNode series) {
        List<String> days = new java.util.ArrayList<>();
        series.path("days").forEach(d -> days.add(d.path("date").asText() + " " + d.path("shipped").asInt() + "/"
                + d.path("reserved").asInt()));
        return days;
    }
}
