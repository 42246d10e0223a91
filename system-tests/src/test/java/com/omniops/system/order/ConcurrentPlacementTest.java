package com.omniops.system.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many orders race for fewer units than they ask for, across two warehouses: never one unit too many. */
class ConcurrentPlacementTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void parallelOrdersReserveExactlyTheUnitsOnHand_andAvailabilityAgrees() throws Exception {
        String east = merchant.id("EAST");
        String west = merchant.id("WEST");
        String channel = merchant.channel(List.of(east, west), "PRIORITY", false, 0);
        String lamp = merchant.product(channel);
        String vase = merchant.product(channel);
        merchant.receive(east, lamp, 7, "10.00");
        merchant.receive(west, lamp, 6, "11.00");
        merchant.receive(east, vase, 5, "3.00");
        merchant.receive(west, vase, 4, "3.50");

        int orders = 60;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            // Lines in both SKU orders, so placements reach the same stock items from different line orders.
            Map<String, Object>[] lines = i % 2 == 0
                    ? new Map[]{line(lamp, 1), line(vase, 1)}
                    : new Map[]{line(vase, 1), line(lamp, 1)};
            results.add(pool.submit(() -> {
                start.await();
                return merchant.placeOrder(channel, lines);
            }));
        }
        start.countDown();
        int lampsReserved = 0;
        int vasesReserved = 0;
        int rejected = 0;
        for (Future<Http.Response> result : results) {
            Http.Response response = result.get();
            if (response.status() == 201) {
                for (JsonNode allocation : response.body().path("allocations")) {
                    if (allocation.path("sku").asText().equals(lamp)) {
                        lampsReserved += allocation.path("quantity").asInt();
                    } else {
                        vasesReserved += allocation.path("quantity").asInt();
                    }
                }
            } else {
                assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
                assertThat(response.code()).isEqualTo("INSUFFICIENT_STOCK");
                rejected++;
            }
        }
        pool.shutdown();

        // Every order wants one vase and one lamp; the 9 vases run out first, so exactly 9 orders succeed.
        assertThat(vasesReserved).isEqualTo(9);
        assertThat(lampsReserved).isEqualTo(9);
        assertThat(rejected).isEqualTo(orders - 9);
        assertThat(reservedInEventStore(east, west, vase)).isEqualTo(9);
        assertThat(reservedInEventStore(east, west, lamp)).isEqualTo(9);
        int expectedLamps = lampsReserved;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode lampRow = row(channel, lamp);
            JsonNode vaseRow = row(channel, vase);
            assertThat(vaseRow.path("availableToSell").asInt()).isZero();
            assertThat(reserved(vaseRow)).isEqualTo(9);
            assertThat(reserved(lampRow)).isEqualTo(expectedLamps);
            assertThat(lampRow.path("availableToSell").asInt()).isEqualTo(13 - expectedLamps);
        });
    }

    /** The source of truth: the StockReserved events stored for the SKU's stock items. */
    private static int reservedInEventStore(String east, String west, String sku) {
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Integer units = jdbc.queryForObject("SELECT coalesce(sum((convert_from(payload, 'UTF8')::json->>'quantity')"
                        + "::int), 0) FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier IN (?, ?)",
                Integer.class, "com.omniops.events.stock.StockReserved", east + ":" + sku, west + ":" + sku);
        return units == null ? 0 : units;
    }

    private static JsonNode row(String channel, String sku) {
        JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                .body().path("items");
        assertThat(items).as("availability of " + sku).isNotEmpty();
        return items.get(0);
    }

    private static int reserved(JsonNode row) {
        int total = 0;
        for (JsonNode warehouse : row.path("warehouses")) {
            assertThat(warehouse.path("reserved").asInt()).isLessThanOrEqualTo(warehouse.path("onHand").asInt());
            total += warehouse.path("reserved").asInt();
        }
        return total;
    }
}
