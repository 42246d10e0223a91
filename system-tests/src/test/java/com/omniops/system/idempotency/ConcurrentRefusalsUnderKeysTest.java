package com.omniops.system.idempotency;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many keyed placements race for one hot stock item on a channel without backorders, so most are refused while others
 * hold the item's lock. Every answer is a 201 or a 4xx problem (never a 5xx), no unit is reserved twice, and each key
 * replays the answer it first got (or, if that answer was not kept, runs again to the same refusal).
 */
class ConcurrentRefusalsUnderKeysTest {

    private static final int CLIENTS = 16;
    private static final int ORDERS = 96;
    private static final int ON_HAND = 6;

    private final TestMerchant merchant = new TestMerchant();

    record Attempt(String key, Map<String, Object> order, Http.Response answer) {
    }

    @Test
    void refusalsUnderKeysStayRefusalsAndReplayAsSuch() throws Exception {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, ON_HAND, "5.00");
        String url = TestApps.commandUrl() + "/api/orders";

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Attempt>> futures = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // one or two units, so refusals come both before and after the item runs dry
            Map<String, Object> order = order(channel, merchant.id("REF-" + i), line(sku, 1 + i % 2));
            String key = UUID.randomUUID().toString();
            futures.add(pool.submit(() -> {
                start.await();
                return new Attempt(key, order, Http.post(url, order, "Idempotency-Key", key));
            }));
        }
        start.countDown();
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> future : futures) {
            attempts.add(future.get());
        }
        pool.shutdown();

        int placedUnits = 0;
        for (Attempt attempt : attempts) {
            Http.Response answer = attempt.answer();
            assertThat(answer.status()).as(answer.raw().body()).isIn(201, 409, 422);
            if (answer.status() == 201) {
                placedUnits += answer.body().path("allocations").get(0).path("quantity").asInt();
            } else {
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(placedUnits).isLessThanOrEqualTo(ON_HAND).isEqualTo(reservedInEventStore(warehouse, sku));

        for (Attempt attempt : attempts) {
            Http.Response replay = Http.post(url, attempt.order(), "Idempotency-Key", attempt.key());
            Http.Response first = attempt.answer();
            if (first.status() == 409) {
                continue; // a race lost at commit is not kept: the key is free and the retry runs again
            }
            assertThat(replay.status()).as(replay.raw().body()).isEqualTo(first.status());
            assertThat(replay.code()).isEqualTo(first.code());
            if (first.status() == 201) {
                assertThat(replay.raw().body()).isEqualTo(first.raw().body());
            }
        }
        assertThat(reservedInEventStore(warehouse, sku)).as("replays reserve nothing").isEqualTo(placedUnits);
    }

    /**
     * The same without the race: a refusal evicts the aggregates it loaded from the cache, so the next placement reads
     * them from the event store inside its command, which is what once ended the request's transaction.
     */
    @Test
    void aRefusalRightAfterARefusalIsStillARefusal() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, ON_HAND, "5.00");
        String url = TestApps.commandUrl() + "/api/orders";
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> order = order(channel, merchant.id("MORE-" + i), line(sku, ON_HAND + 1));
            String key = UUID.randomUUID().toString();
            attempts.add(new Attempt(key, order, Http.post(url, order, "Idempotency-Key", key)));
        }
        for (Attempt attempt : attempts) {
            assertThat(attempt.answer().status()).as(attempt.answer().raw().body()).isEqualTo(422);
            assertThat(attempt.answer().code()).isEqualTo("INSUFFICIENT_STOCK");
            Http.Response replay = Http.post(url, attempt.order(), "Idempotency-Key", attempt.key());
            assertThat(replay.status()).isEqualTo(422);
            assertThat(replay.header("Idempotent-Replayed")).as("the refusal was kept under its key").isEqualTo("true");
        }
        assertThat(reservedInEventStore(warehouse, sku)).isZero();
    }

    private static int reservedInEventStore(String warehouse, String sku) {
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Integer units = jdbc.queryForObject("SELECT coalesce(sum((convert_from(payload, 'UTF8')::json->>'quantity')"
                        + "::int), 0) FROM DomainEventEntry WHERE payloadType = ? AND aggregateIdentifier = ?",
                Integer.class, "com.omniops.events.stock.StockReserved", warehouse + ":" + sku);
        return units == null ? 0 : units;
    }
}
