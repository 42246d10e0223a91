package com.omniops.system.stock;

import com.omniops.command.CommandSideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side nodes on one database, each with its own aggregate cache. A node whose cached stock item another
 * node has since changed must not act on the stale state: its append fails, the entry is evicted, and the command
 * runs again on the stored state (the gateway retries it, or the client retries a keyed request after a 409).
 */
class TwoCommandNodesTest {

    private static ConfigurableApplicationContext otherNode;

    @BeforeAll
    static void startASecondCommandSide() {
        TestApps.commandSide();
        otherNode = CommandSideApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.main.banner-mode=off",
                "--spring.application.name=command-side-second-node-test");
    }

    @AfterAll
    static void stopIt() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    private static String otherUrl() {
        return "http://localhost:" + otherNode.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aStaleCachedStockItemNeverOversells() {
        TestMerchant merchant = new TestMerchant();
        TestMerchant viaOtherNode = new TestMerchant(TwoCommandNodesTest::otherUrl);
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        String stockItem = warehouse + ":" + sku;
        merchant.receive(warehouse, sku, 10, "5.00");
        Set<Object> evicted = ConcurrentHashMap.newKeySet();
        Registration listening = TestApps.commandSide().getBean("aggregateCache", Cache.class)
                .registerCacheEntryListener(new Cache.EntryListenerAdapter() {
                    @Override
                    public void onEntryRemoved(Object key) {
                        evicted.add(key);
                    }
                });
        try {
            // This node caches the stock item with 6 reserved; the other node then takes the remaining 4.
            assertThat(merchant.placeOrder(channel, line(sku, 6)).status()).isEqualTo(201);
            assertThat(TestApps.commandSide().getBean("aggregateCache", Cache.class).containsKey(stockItem)).isTrue();
            assertThat(viaOtherNode.placeOrder(channel, line(sku, 4)).status()).isEqualTo(201);

            // The cached copy still shows 4 available: its append fails, it is evicted, the retry sees none left.
            Http.Response stale = merchant.placeOrder(channel, line(sku, 1));
            assertThat(stale.status()).as(stale.body().toString()).isEqualTo(422);
            assertThat(stale.code()).isEqualTo("INSUFFICIENT_STOCK");
            assertThat(evicted).contains(stockItem);
            assertThat(viaOtherNode.placeOrder(channel, line(sku, 1)).status()).isEqualTo(422);

            // A keyed request runs its command once, inside the request's transaction: the lost race is a 409, nothing
            // is remembered under the key, and the client's retry meets the stored state.
            merchant.receive(warehouse, sku, 1, "5.00"); // cached here again, with 1 available
            assertThat(viaOtherNode.placeOrder(channel, line(sku, 1)).status()).isEqualTo(201);
            evicted.clear();
            String key = "two-nodes-" + UUID.randomUUID();
            var keyed = order(channel, merchant.id("REF-" + UUID.randomUUID()), line(sku, 1));
            Http.Response lost = Http.post(TestApps.commandUrl() + "/api/orders", keyed, "Idempotency-Key", key);
            assertThat(lost.status()).as(lost.body().toString()).isEqualTo(409);
            assertThat(lost.code()).isEqualTo("CONCURRENT_MODIFICATION");
            assertThat(evicted).contains(stockItem);
            Http.Response retried = Http.post(TestApps.commandUrl() + "/api/orders", keyed, "Idempotency-Key", key);
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(422);
            assertThat(retried.code()).isEqualTo("INSUFFICIENT_STOCK");
        } finally {
            listening.cancel();
        }

        // The store agrees: 11 received, 11 reserved, and the item's events numbered without a gap or a duplicate.
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Integer reserved = jdbc.queryForObject("SELECT coalesce(sum((convert_from(payload, 'UTF8')::json->>'quantity')"
                        + "::int), 0) FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier = ?",
                Integer.class, "com.omniops.events.stock.StockReserved", stockItem);
        assertThat(reserved).isEqualTo(11);
        List<Long> sequence = jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", Long.class, stockItem);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo((long) i);
        }
    }
}
