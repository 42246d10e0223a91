package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's backup drill, as docs/operations.md ("Backup and restore") tells an operator to do it: {@code pg_dump}
 * of the live database while 8 clients trade, {@code pg_restore} into a new database, both apps started on it. The
 * restored system must be whole: its stream ends at a consistent point (every order placed with all of its stock
 * reservations, since a placement is one transaction and the dump one snapshot), the hash chain verifies, every read
 * model equals a recomputation, and it takes new orders.
 */
class BackupRestoreTest {

    private static final String LIVE = TestDatabase.create("omniops_test_backup_");
    private static final String RESTORED = TestDatabase.create("omniops_test_restored_");
    private static final AppProcess COMMAND = new AppProcess("command-side", "backup-command-side");
    private static final AppProcess QUERY = new AppProcess("query-side", "backup-query-side");
    private static final AppProcess RESTORED_COMMAND = new AppProcess("command-side", "restored-command-side");
    private static final AppProcess RESTORED_QUERY = new AppProcess("query-side", "restored-query-side");

    static {
        COMMAND.args(TestDatabase.appArgs(LIVE, "backup-command-side"));
        QUERY.args(TestDatabase.appArgs(LIVE, "backup-query-side",
                "--omniops.alerts.command-side-url=" + COMMAND.url()));
        RESTORED_COMMAND.args(TestDatabase.appArgs(RESTORED, "restored-command-side"));
        RESTORED_QUERY.args(TestDatabase.appArgs(RESTORED, "restored-query-side",
                "--omniops.alerts.command-side-url=" + RESTORED_COMMAND.url(),
                // the restored token claims belong to the live node, which is still running elsewhere; a node on
                // the restored database takes them over once they have not been extended for this long
                "--axon.eventhandling.tokenstore.claim-timeout=5s"));
    }

    @AfterAll
    static void stopApps() {
        RESTORED_QUERY.close();
        RESTORED_COMMAND.close();
        QUERY.close();
        COMMAND.close();
    }

    @Test
    void aBackupTakenUnderLoadRestoresIntoAWholeSystem() throws Exception {
        COMMAND.start();
        QUERY.start();
        TradeCatalogue catalogue = TradeCatalogue.create(COMMAND.url(), 5);
        TradeLoad load = new TradeLoad(COMMAND.url(), catalogue);
        load.start(8);
        TradeChecks.awaitPlaced(load, 40);

        Path dump = Path.of("target", "faults", "backup-" + System.currentTimeMillis() + ".dump");
        Files.createDirectories(dump.getParent());
        long dumping = System.nanoTime();
        run("pg_dump", "-Fc", "-f", dump.toString(), database(LIVE));
        long dumpMillis = millisSince(dumping);
        TradeChecks.awaitPlaced(load, 20);
        load.stop();

        long restoring = System.nanoTime();
        run("pg_restore", "--no-owner", "-d", database(RESTORED), dump.toString());
        RESTORED_COMMAND.start();
        RESTORED_QUERY.start();
        long recoveryMillis = millisSince(restoring);

        long liveEvents = count(LIVE, "SELECT count(*) FROM DomainEventEntry");
        long restoredEvents = count(RESTORED, "SELECT count(*) FROM DomainEventEntry");
        long restoredOrders = count(RESTORED, "SELECT count(*) FROM DomainEventEntry WHERE payloadType = "
                + "'com.omniops.events.order.OrderPlaced'");
        System.out.printf("backup drill: pg_dump under load in %d ms (%d of the %d events the live database ended "
                        + "with, %d orders); pg_restore and both apps ready in %d ms%n", dumpMillis, restoredEvents,
                liveEvents, restoredOrders, recoveryMillis);
        assertThat(restoredEvents).as("the load went on after the dump").isLessThan(liveEvents);
        assertThat(count(RESTORED, HALF_ORDERS)).as("orders restored without all of their stock reservations")
                .isZero();
        assertThat(restoredOrders).isGreaterThanOrEqualTo(40);

        JsonNode chain = Http.as("auditor").postAs(RESTORED_QUERY.url() + "/api/audit/verify", "").body();
        assertThat(chain.path("status").asText()).as(chain.toString()).isEqualTo("INTACT");
        assertThat(chain.path("eventsChecked").asLong()).as(chain.toString())
                .isGreaterThanOrEqualTo(restoredEvents);
        ReadModelChecks.everyReadModelEqualsARecomputation(RESTORED_QUERY.url());
        Http.Response order = Http.post(RESTORED_COMMAND.url() + "/api/orders", TestMerchant.order(
                catalogue.channel(), "AFTER-RESTORE-" + System.nanoTime(), TestMerchant.line(catalogue.skus().get(0),
                        1)));
        assertThat(order.status()).as("the restored system takes orders: " + order.body()).isEqualTo(201);
        await("the new order on the restored order board").atMost(Duration.ofSeconds(30)).until(() -> Http.get(
                RESTORED_QUERY.url() + "/api/orders/" + order.body().path("orderId").asText()).status() == 200);
    }

    /** Placements whose StockReserved events are not all there: each allocation of an order has one. */
    private static final String HALF_ORDERS = """
            SELECT count(*) FROM DomainEventEntry o
            WHERE o.payloadType = 'com.omniops.events.order.OrderPlaced'
              AND jsonb_array_length(convert_from(o.payload, 'UTF8')::jsonb->'allocations') <> (
                  SELECT count(*) FROM DomainEventEntry r
                  WHERE r.payloadType = 'com.omniops.events.stock.StockReserved'
                    AND convert_from(r.payload, 'UTF8')::jsonb->>'orderId' = o.aggregateIdentifier)""";

    /** Runs a PostgreSQL client tool against the test server; fails with its output when it fails. */
    private static void run(String tool, String... args) throws IOException, InterruptedException {
        URI server = URI.create(LIVE.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "-h", server.getHost(), "-p",
                String.valueOf(server.getPort()), "-U", TestDatabase.USER));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", TestDatabase.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(tool + ": " + output).isZero();
    }

    private static String database(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
