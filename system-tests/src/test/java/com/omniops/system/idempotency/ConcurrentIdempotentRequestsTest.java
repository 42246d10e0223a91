package com.omniops.system.idempotency;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twins: the same request under the same Idempotency-Key, sent at once. Exactly one runs its command; the others wait
 * for it and replay its response. The first one is held at its commit (the event table is locked by the test) until
 * every twin has arrived, so they really overlap.
 */
class ConcurrentIdempotentRequestsTest {

    private static final int TWINS = 5;

    private final TestMerchant merchant = new TestMerchant();
    private final JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);

    @Test
    void twinsWithOneKeyRunTheCommandOnceAndAllGetItsResponse() throws Exception {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        String url = TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/receipts";
        Map<String, Object> receipt = Map.of("quantity", 7, "unitCost", new BigDecimal("2.50"), "currency", "EUR");
        String key = UUID.randomUUID().toString();

        List<CompletableFuture<Http.Response>> answers;
        try (Connection lock = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE DomainEventEntry IN EXCLUSIVE MODE"); // reads go on, appends wait
            }
            answers = IntStream.range(0, TWINS + 1)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Http.post(url, receipt,
                            "Idempotency-Key", key)))
                    .toList();
            // every twin is either waiting for the first one's claim or has already answered
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    waitingOnIdempotencyKey() + answers.stream().filter(CompletableFuture::isDone).count() >= TWINS);
            lock.rollback();
        }

        List<Http.Response> responses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(Http.Response::status).as(responses.toString()).containsOnly(201);
        assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed") == null).count())
                .as("answers that ran the command").isEqualTo(1);
        assertThat(responses).extracting(r -> r.raw().body()).containsOnly(responses.get(0).raw().body());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "AND payloadType = 'com.omniops.events.stock.StockReceived'", Integer.class,
                warehouse + ":" + sku)).as("stock receipts recorded").isEqualTo(1);
        assertThat(responses.get(0).body().path("onHand").asInt()).isEqualTo(7);
    }

    private int waitingOnIdempotencyKey() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO idempotency_key%'", Integer.class);
        return n == null ? 0 : n;
    }
}
