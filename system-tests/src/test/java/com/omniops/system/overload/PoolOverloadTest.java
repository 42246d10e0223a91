package com.omniops.system.overload;

import com.omniops.command.CommandSideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A busy connection pool is not a database outage. The command side runs with a pool of {@value #POOL} connections
 * and a short connection timeout on a database of its own; the test holds every pooled connection (as long-running
 * requests would), so the next request waits out the timeout while PostgreSQL answers: 503 OVERLOADED with
 * Retry-After 1. With the database really away the same request is 503 DATABASE_UNAVAILABLE with Retry-After 5.
 */
class PoolOverloadTest {

    private static final int POOL = 3;

    /** Five units at 2.50: each test receives them into a stock item of its own. */
    private static final Map<String, Object> RECEIPT = Map.of("quantity", 5, "unitCost", new BigDecimal("2.50"),
            "currency", "EUR");

    private static String jdbcUrl;
    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() {
        jdbcUrl = TestDatabase.create("omniops_test_overload_");
        commandSide = CommandSideApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=" + POOL,
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.hikari.connection-timeout=500",
                // one command at a time, no waiting for a turn: the second of two at once is turned away at the door
                "--omniops.http.max-concurrent-commands=1",
                "--omniops.http.admission-wait-ms=0",
                "--spring.main.banner-mode=off",
                "--spring.application.name=command-side-overload-test");
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void aPoolWithNoFreeConnectionAnswersOverloadedAndTheDatabaseAwayAnswersUnavailable() throws Exception {
        String receipts = receiptsOfANewStockItem();

        List<Connection> held = holdEveryPooledConnection();
        try {
            Http.Response busy = Http.post(receipts, RECEIPT);
            assertOverloaded(busy);
            // the Idempotency-Key filter claims its key on a connection of its own: the same answer there
            assertOverloaded(Http.post(receipts, RECEIPT, "Idempotency-Key", UUID.randomUUID().toString()));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        Http.Response served = Http.post(receipts, RECEIPT);
        assertThat(served.status()).as(served.body().toString()).isEqualTo(201);
        assertThat(served.body().get("onHand").asInt()).isEqualTo(5); // the refused requests changed nothing

        takeDatabaseAway();
        try {
            Http.Response down = Http.post(receipts, RECEIPT);
            assertThat(down.status()).as(down.body().toString()).isEqualTo(503);
            assertThat(down.code()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(down.header("Retry-After")).isEqualTo("5");
        } finally {
            bringDatabaseBack();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(receipts, RECEIPT).status(), status -> status == 201);
    }

    @Test
    void aCommandBeyondTheConcurrencyLimitIsTurnedAwayAtOnceAndChangesNothing() throws Exception {
        String receipts = receiptsOfANewStockItem();

        List<Connection> held = holdEveryPooledConnection();
        List<Http.Response> answers;
        try {
            // Both at once: the one that gets in holds the only turn while it waits 500 ms for a connection.
            CompletableFuture<Http.Response> one = CompletableFuture.supplyAsync(() -> Http.post(receipts, RECEIPT));
            CompletableFuture<Http.Response> two = CompletableFuture.supplyAsync(() -> Http.post(receipts, RECEIPT));
            answers = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        answers.forEach(PoolOverloadTest::assertOverloaded);
        assertThat(answers).as("one turned away at the door, one after waiting for a connection")
                .filteredOn(r -> r.body().path("detail").asText().contains("more commands arrived than it runs"))
                .hasSize(1);
        Http.Response served = Http.post(receipts, RECEIPT);
        assertThat(served.status()).as(served.body().toString()).isEqualTo(201);
        assertThat(served.body().get("onHand").asInt()).isEqualTo(5);
    }

    /** The receipts URL of a new product's stock item in a new warehouse. */
    private static String receiptsOfANewStockItem() {
        TestMerchant merchant = new TestMerchant(PoolOverloadTest::commandUrl);
        String warehouse = merchant.id("WH");
        String sku = merchant.product(merchant.channel(List.of(warehouse), "PRIORITY", false, 0));
        return commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/receipts";
    }

    private static void assertOverloaded(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("OVERLOADED");
        assertThat(response.header("Retry-After")).isEqualTo("1");
    }

    /** Takes all of the pool's connections (the app's own processors may hold one for a moment: wait for it). */
    private static List<Connection> holdEveryPooledConnection() {
        DataSource pool = commandSide.getBean(DataSource.class);
        List<Connection> held = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                held.add(pool.getConnection());
            } catch (SQLException timedOut) {
                // a processor still had it; try again
            }
            return held.size() == POOL;
        });
        return held;
    }

    private static void takeDatabaseAway() throws SQLException {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                    + "' AND pid <> pg_backend_pid()");
        }
    }

    private static void bringDatabaseBack() throws SQLException {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres",
                TestDatabase.USER, TestDatabase.PASSWORD);
    }

    private static String commandUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }
}
