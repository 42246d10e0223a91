package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.system.support.TestDatabase;
import java.time.Duration;
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
        TradeCatalogue catalogue = TradeCatalogue.create(COMMAND.url(), 9);

        TradeLoad load = new TradeLoad(COMMAND.url(), catalogue);
        load.start(8);
        TradeChecks.awaitPlaced(load, 40);
        COMMAND.kill();
        await("every client waiting for an answer from the dead command side").atMost(Duration.ofSeconds(30))
                .until(() -> load.clientsWaitingForAnAnswer() == 8);
        COMMAND.start();
        TradeChecks.awaitPlaced(load, 40);
        QUERY.kill();
        TradeChecks.awaitPlaced(load, 40);
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

        TradeChecks.nothingAcknowledgedIsLost(JDBC_URL, TestDatabase.USER, TestDatabase.PASSWORD, load,
                COMMAND.url());
        ReadModelChecks.everyReadModelEqualsARecomputation(QUERY.url());
    }
}
