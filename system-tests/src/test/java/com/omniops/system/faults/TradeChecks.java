package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** What the fault tests check of a {@link TradeLoad} after the fault: the event store and the keys. */
final class TradeChecks {

    private TradeChecks() {
    }

    /**
     * Every request answered 2xx is in the event store at {@code jdbcUrl} and replays its first answer under its
     * key; no stock is reserved for an order that does not exist or beyond what was received; no order is refunded
     * beyond its capture.
     */
    static void nothingAcknowledgedIsLost(String jdbcUrl, String user, String password, TradeLoad load,
                                          String commandUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            everyAcknowledgedFactIsStored(db, load.acknowledged());
            noReservationWithoutItsOrderAndNoneBeyondTheStock(db);
            noOrderRefundedBeyondItsCapture(db);
        }
        everyAcknowledgedRequestReplaysItsFirstAnswer(load.acknowledged(), commandUrl);
    }

    /** Waits until the load has placed {@code orders} more orders. */
    static void awaitPlaced(TradeLoad load, int orders) {
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
                  sum(CASE WHEN e.type = 'refund.RefundIssued'
                      THEN (e.payload->'amount'->>'amount')::numeric ELSE 0 END)
                > sum(CASE WHEN e.type = 'order.PaymentCaptured'
                      THEN (e.payload->'amount'->>'amount')::numeric ELSE 0 END)
                """.formatted(EVENTS))).as("orders refunded more than was captured").isEmpty();
    }

    /** Sent again by 8 clients at once, as the load sent them. */
    private static void everyAcknowledgedRequestReplaysItsFirstAnswer(List<TradeLoad.Exchange> acknowledged,
                                                                      String commandUrl) throws Exception {
        ForkJoinPool clients = new ForkJoinPool(8);
        try {
            clients.submit(() -> acknowledged.parallelStream().forEach(first -> {
                TradeLoad.Exchange replayed = first.replay(commandUrl);
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
