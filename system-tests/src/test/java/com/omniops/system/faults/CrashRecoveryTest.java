package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's crash faults: the command side killed with {@code kill -9} in the middle of placements, payments,
 * shipments and refunds from 8 clients, then started again; later the query side the same way. Every request that
 * was answered 2xx must still hold afterwards, every unanswered one must be safe to retry with its key, no stock is
 * reserved for an order that does not exist or beyond what was received, no order is refunded more than was captured,
 * and every read model equals a recomputation from the stream. The apps run as processes of their own (from their
 * runnable jars) on a database of their own, so the kill is a real one and nothing else shares their fate.
 */
class CrashRecoveryTest {

    private static final String JDBC_URL = TestDatabase.create("omniops_test_crash_");
    private static final AppProcess COMMAND = new AppProcess("command-side", "crash-command-side");
    private static final AppProcess QUERY = new AppProcess("query-side", "crash-query-side");

    static {
        COMMAND.args(TestDatabase.appArgs(JDBC_URL, "crash-command-side", "--omniops.periods.query-side-url="
                + QUERY.url()));
        QUERY.args(TestDatabase.appArgs(JDBC_URL, "crash-query-side", "--omniops.alerts.command-side-url="
                + COMMAND.url(), "--omniops.alerts.stream-poll-interval=200ms"));
    }

    @AfterAll
    static void stopApps() {
        QUERY.close();
        COMMAND.close();
    }

    @Test
    void nothingAcknowledgedIsLostWhenEitherSideIsKilledMidLoad() throws Exception {
        COMMAND.start();
        QUERY.start();
        TestMerchant merchant = new TestMerchant(COMMAND::url);
        String warehouse = merchant.id("NORTH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String sku = merchant.product(channel);
            merchant.receive(warehouse, sku, 1000, "4.00");
            skus.add(sku);
        }
        String scarce = merchant.product(channel);
        merchant.receive(warehouse, scarce, 6, "4.00");

        TradeLoad load = new TradeLoad(COMMAND.url(), channel, skus, scarce, warehouse);
        load.start(8);
        awaitProgress(load, 40);
        COMMAND.kill();
        await("every client waiting for an answer from the dead command side").atMost(Duration.ofSeconds(30))
                .until(() -> load.clientsWaitingForAnAnswer() == 8);
        COMMAND.start();
        awaitProgress(load, 40);
        QUERY.kill();
        awaitProgress(load, 40);
        // the query side restarts after the load: its processors then resume from their tokens over what the
        // command side appended while it was away
        load.stop();
        QUERY.start();

        TradeLoad.Counts counts = load.counts();
        System.out.printf("crash faults: 2 kills (command side, query side); %s%n", counts);
        assertThat(load.serverErrors()).as("5xx answers").isEmpty();
        assertThat(counts.answeredAfterRetry()).as("requests the kill left unanswered, answered on a retry")
                .isPositive();
        assertThat(counts.placed()).as("orders placed").isGreaterThan(100);
        assertThat(counts.outOfStock()).as("the stock ran out, so the oversell check had something to refuse")
                .isPositive();
        assertThat(counts.refundsIssued()).isPositive();
        assertThat(counts.refundsRefused()).as("second refunds above the capture").isPositive();

        try (Connection db = DriverManager.getConnection(JDBC_URL, TestDatabase.USER, TestDatabase.PASSWORD)) {
            everyAcknowledgedFactIsStored(db, load.acknowledged());
            noReservationWithoutItsOrderAndNoneBeyondTheStock(db);
            noOrderRefundedBeyondItsCapture(db);
        }
        everyAcknowledgedRequestReplaysItsFirstAnswer(load.acknowledged());
        ReadModelChecks.everyReadModelEqualsARecomputation(QUERY.url());
    }

    private static void awaitProgress(TradeLoad load, int orders) {
        int target = load.placed() + orders;
        await("another " + orders + " orders placed").atMost(Duration.ofSeconds(120))
                .until(() -> load.placed() >= target);
    }

    private static void everyAcknowledgedFactIsStored(Connection db, List<TradeLoad.Exchange> acknowledged)
            throws SQLException {
        for (TradeLoad.Exchange exchange : acknowledged) {
            switch (exchange.kind()) {
                case PLACE -> assertThat(count(db, "OrderPlaced", "orderId",
                        exchange.body().path("orderId").asText())).as(exchange.toString()).isEqualTo(1);
                case PAY -> assertThat(count(db, "PaymentCaptured", "orderId", exchange.orderId()))
                        .as(exchange.toString()).isEqualTo(1);
                case ISSUE_REFUND -> assertThat(count(db, "RefundIssued", "refundId",
                        exchange.refundId())).as(exchange.toString()).isEqualTo(1);
                case SHIP -> assertThat(count(db, "OrderShipped", "orderId", exchange.orderId()))
                        .as(exchange.toString()).isEqualTo(1);
                default -> {
                    // the steps in between (pick, pack, refund request) are checked through the step after them
                }
            }
        }
    }

    private static void noReservationWithoutItsOrderAndNoneBeyondTheStock(Connection db) throws SQLException {
        assertThat(strings(db, """
                SELECT DISTINCT e.payload->>'orderId' FROM (%s) e WHERE e.type = 'stock.StockReserved'
                EXCEPT SELECT e.payload->>'orderId' FROM (%s) e WHERE e.type = 'order.OrderPlaced'
                """.formatted(EVENTS, EVENTS))).as("stock reserved for orders that do not exist").isEmpty();
        assertThat(strings(db, """
                SELECT e.aggregate FROM (%s) e GROUP BY e.aggregate HAVING
                  sum(CASE WHEN e.type = 'stock.StockReserved' THEN (e.payload->>'quantity')::int ELSE 0 END)
                - sum(CASE WHEN e.type = 'stock.StockReservationReleased' THEN (e.payload->>'quantity')::int ELSE 0 END)
                > sum(CASE WHEN e.type = 'stock.StockReceived' THEN (e.payload->>'quantity')::int ELSE 0 END)
                """.formatted(EVENTS))).as("stock items with more reserved than ever received").isEmpty();
    }

    private static void noOrderRefundedBeyondItsCapture(Connection db) throws SQLException {
        assertThat(strings(db, """
                SELECT e.payload->>'orderId' FROM (%s) e GROUP BY e.payload->>'orderId' HAVING
                  sum(CASE WHEN e.type = 'refund.RefundIssued' THEN (e.payload->'amount'->>'amount')::numeric ELSE 0 END)
                > sum(CASE WHEN e.type = 'order.PaymentCaptured' THEN (e.payload->'amount'->>'amount')::numeric ELSE 0 END)
                """.formatted(EVENTS))).as("orders refunded more than was captured").isEmpty();
    }

    /** Sent again by 8 clients at once, as the load sent them. */
    private static void everyAcknowledgedRequestReplaysItsFirstAnswer(List<TradeLoad.Exchange> acknowledged)
            throws Exception {
        ForkJoinPool clients = new ForkJoinPool(8);
        try {
            clients.submit(() -> acknowledged.parallelStream().forEach(first -> {
                TradeLoad.Exchange replayed = first.replay();
                assertThat(replayed.status()).as(first.toString()).isEqualTo(first.status());
                assertThat(replayed.body()).as(first.toString()).isEqualTo(first.body());
            })).get();
        } finally {
            clients.shutdown();
        }
    }

    /** Every stored event: its short type (package under com.omniops.events and class), aggregate and payload. */
    private static final String EVENTS = """
            SELECT substring(payloadType from 'com\\.omniops\\.events\\.(.*)') AS type,
                   aggregateIdentifier AS aggregate, convert_from(payload, 'UTF8')::jsonb AS payload
            FROM DomainEventEntry""";

    private static int count(Connection db, String type, String field, String value) throws SQLException {
        try (var statement = db.prepareStatement("SELECT count(*) FROM DomainEventEntry WHERE payloadType LIKE ?"
                + " AND convert_from(payload, 'UTF8')::jsonb->>? = ?")) {
            statement.setString(1, "%." + type);
            statement.setString(2, field);
            statement.setString(3, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
