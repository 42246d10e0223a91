package com.omniops.system.stock;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock items are snapshotted (every 5 events in the tests). A snapshot must hold the real state: after the cache is
 * dropped, the stock item loaded from its snapshot still knows exactly how many units are left. A snapshot of an older
 * shape of the stock item (revision 1 or none) is never read: the item is rebuilt from its events instead.
 */
class StockItemSnapshotTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void aStockItemLoadedFromItsSnapshotKeepsItsReservations() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 12, "2.50");
        for (int i = 0; i < 11; i++) {
            assertThat(merchant.placeOrder(channel, line(sku, 1)).status()).isEqualTo(201);
        }
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        String stockItemId = warehouse + ":" + sku;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class,
                stockItemId)).isPositive());
        String snapshot = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM SnapshotEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC LIMIT 1", String.class, stockItemId);
        assertThat(snapshot).contains("\"onHand\":12").contains("\"reservations\"");

        TestApps.commandSide().getBean("aggregateCache", Cache.class).removeAll();

        assertThat(merchant.placeOrder(channel, line(sku, 2)).code()).isEqualTo("INSUFFICIENT_STOCK");
        Http.Response last = merchant.placeOrder(channel, line(sku, 1));
        assertThat(last.status()).as(last.body().toString()).isEqualTo(201);
    }

    @Test
    void aSnapshotOfAnOlderShapeIsIgnoredAndTheItemIsRebuiltFromItsEvents() {
        for (String revision : Arrays.asList(null, "1")) {
            String warehouse = merchant.id("WH");
            String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
            String sku = merchant.product(channel);
            merchant.receive(warehouse, sku, 3, "2.50");
            String stockItemId = warehouse + ":" + sku;
            // The flat shape stock items were snapshotted in before their quantities became value objects, as the
            // latest snapshot of the item: read with the current class it would claim 50 units on hand.
            String oldShape = "{\"stockItemId\":\"" + stockItemId + "\",\"sku\":\"" + sku + "\",\"warehouseId\":\""
                    + warehouse + "\",\"onHand\":50,\"reserved\":0,\"quarantine\":0,\"refurbishment\":0,"
                    + "\"averageCost\":2.5,\"currency\":\"EUR\",\"reservations\":{},\"pendingCount\":null,"
                    + "\"lastCountedAt\":null}";
            JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                            + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, 0, 'StockItem', "
                            + "?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)", stockItemId,
                    UUID.randomUUID().toString(), oldShape, revision, "com.omniops.command.stock.StockItem",
                    Instant.now().toString());

            TestApps.commandSide().getBean("aggregateCache", Cache.class).removeAll();

            assertThat(merchant.placeOrder(channel, line(sku, 4)).code()).as("revision " + revision)
                    .isEqualTo("INSUFFICIENT_STOCK");
            Http.Response all = merchant.placeOrder(channel, line(sku, 3));
            assertThat(all.status()).as(all.body().toString()).isEqualTo(201);
        }
    }
}
