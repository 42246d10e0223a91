package com.omniops.system.idempotency;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request cut off by a database restart, and the database being away: on a pair of apps with a database of their
 * own. The restart is real: the database refuses connections and every session, including the one running the
 * request, is terminated. Whatever happens, a retry under the same Idempotency-Key either runs the command once (it
 * had not committed) or replays the committed response (it had), and the apps answer 503 while the database is away.
 */
class IdempotencyAcrossOutagesTest {

    private static OwnDatabaseApps apps;

    private TestMerchant merchant;
    private String channel;
    private String sku;

    @BeforeAll
    static void start() {
        apps = new OwnDatabaseApps();
    }

    @AfterAll
    static void stop() {
        if (apps != null) {
            apps.close();
        }
    }

    @BeforeEach
    void merchant() {
        // Right after an outage the pools are still reconnecting (Hikari backs off while the database refused it).
        awaitAnswerOtherThan503(() -> Http.post(apps.commandUrl() + "/api/orders/" + UUID.randomUUID() + "/cancel",
                Map.of("reason", "probe")));
        awaitAnswerOtherThan503(() -> Http.get(apps.queryUrl() + "/api/availability?channel=NONE"));
        merchant = apps.merchant();
        String warehouse = merchant.id("WH");
        channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
    }

    @Test
    void aPlacementCutOffBeforeItCommittedRunsOnceWhenRetried() throws Exception {
        String ref = merchant.id("CUT-BEFORE");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = order(channel, ref, line(sku, 2));
        CompletableFuture<Http.Response> first;
        try (Connection blocker = apps.connect()) {
            // an uncommitted row with the same channel reference: the placement waits on it, mid-command
            blocker.setAutoCommit(false);
            insertReference(blocker, ref);
            first = CompletableFuture.supplyAsync(() -> place(body, key));
            awaitBackendWaitingOn("INSERT INTO order_reference");
            try {
                apps.takeDatabaseAway();
                Http.Response cut = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(cut.status()).as(cut.raw().body()).isEqualTo(503);
                assertThat(cut.code()).isEqualTo("DATABASE_UNAVAILABLE");
            } finally {
                apps.bringDatabaseBack();
            }
        }

        Http.Response retried = awaitAnswerOtherThan503(() -> place(body, key));
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        Http.Response replayed = place(body, key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.raw().body()).isEqualTo(retried.raw().body());
        assertThat(orderPlacedEvents(ref)).as("OrderPlaced events for " + ref).isEqualTo(1);
    }

    @Test
    void aPlacementCutOffAfterItCommittedIsReplayedWhenRetried() throws Exception {
        String ref = merchant.id("CUT-AFTER");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = order(channel, ref, line(sku, 3));
        CompletableFuture<Http.Response> first;
        try (Connection blocker = apps.connect(); Connection keyLock = apps.connect()) {
            blocker.setAutoCommit(false);
            insertReference(blocker, ref);
            first = CompletableFuture.supplyAsync(() -> place(body, key));
            awaitBackendWaitingOn("INSERT INTO order_reference");
            // Lock the key's row if a claim is already visible to others, so nothing can be written to it after the
            // command: the database then goes away between the command's commit and the response being stored.
            keyLock.setAutoCommit(false);
            try (PreparedStatement s = keyLock.prepareStatement(
                    "SELECT 1 FROM idempotency_key WHERE idem_key = ? FOR UPDATE")) {
                s.setString(1, "admin/" + key);
                s.executeQuery().close();
            }
            blocker.rollback(); // the placement goes on and commits
            await().atMost(Duration.ofSeconds(30)).until(() -> placedOrderId(ref) != null);
            try {
                apps.takeDatabaseAway();
                first.handle((r, e) -> r).get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                apps.bringDatabaseBack();
            }
        }
        String committedOrder = placedOrderId(ref);

        Http.Response retried = awaitAnswerOtherThan503(() -> place(body, key));
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body().path("orderId").asText()).isEqualTo(committedOrder);
        assertThat(orderPlacedEvents(ref)).as("OrderPlaced events for " + ref).isEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsAwayBothAppsAnswer503AndRecoverWithoutARestart() throws Exception {
        String availability = apps.queryUrl() + "/api/availability?channel=" + channel;
        // the query side knows the channel before the outage (after it, its processors may still be backing off)
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(availability).status() == 200);
        long started;
        try {
            apps.takeDatabaseAway();
            started = System.nanoTime();
            assertUnavailable(Http.post(apps.commandUrl() + "/api/orders",
                    order(channel, merchant.id("AWAY-1"), line(sku, 1))), started);
            started = System.nanoTime();
            assertUnavailable(place(order(channel, merchant.id("AWAY-2"), line(sku, 1)),
                    UUID.randomUUID().toString()), started);
            started = System.nanoTime();
            assertUnavailable(Http.get(availability), started);
        } finally {
            apps.bringDatabaseBack();
        }

        Http.Response placed = awaitAnswerOtherThan503(() -> merchant.placeOrder(channel, line(sku, 1)));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        Http.Response read = awaitAnswerOtherThan503(() -> Http.get(availability));
        assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
        assertThat(orderPlacedEvents(merchant.id("AWAY-1")) + orderPlacedEvents(merchant.id("AWAY-2")))
                .as("nothing placed while the database was away").isZero();
    }

    private static void assertUnavailable(Http.Response response, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("SQL");
        assertThat(took).as("answered within a few seconds").isLessThan(Duration.ofSeconds(10));
    }

    private Http.Response place(Map<String, Object> body, String key) {
        return Http.post(apps.commandUrl() + "/api/orders", body, "Idempotency-Key", key);
    }

    /** Right after the database is back, a pooled connection may still be a dead one: that request gets 503. */
    private static Http.Response awaitAnswerOtherThan503(java.util.function.Supplier<Http.Response> request) {
        Http.Response[] last = new Http.Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = request.get();
            return last[0].status() != 503;
        });
        return last[0];
    }

    private void insertReference(Connection connection, String ref) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO order_reference (channel_id, channel_order_ref, order_id) VALUES (?, ?, ?)")) {
            s.setString(1, channel);
            s.setString(2, ref);
            s.setString(3, "blocker-" + UUID.randomUUID());
            s.executeUpdate();
        }
    }

    private static void awaitBackendWaitingOn(String statementStart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection admin = apps.admin(); PreparedStatement s = admin.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock' "
                            + "AND query ILIKE ?")) {
                s.setString(1, apps.databaseName());
                s.setString(2, statementStart + "%");
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        });
    }

    private String placedOrderId(String ref) throws SQLException {
        try (Connection c = apps.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT order_id FROM order_reference WHERE channel_id = ? AND channel_order_ref = ?")) {
            s.setString(1, channel);
            s.setString(2, ref);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int orderPlacedEvents(String ref) throws SQLException {
        try (Connection c = apps.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM DomainEventEntry WHERE payloadType = 'com.omniops.events.order.OrderPlaced' "
                        + "AND convert_from(payload, 'UTF8') LIKE ?")) {
            s.setString(1, "%\"" + ref + "\"%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
