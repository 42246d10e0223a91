package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's graceful shutdown: a node stopped as a deployment stops it (SIGTERM) finishes what it took in and lets
 * go of what it held. A query node releases its processors' token claims, so another node takes their segments over
 * at once instead of after the claim timeout (two minutes here, so the difference shows); the command side answers
 * every placement it began, so no order exists whose client never heard of it.
 */
class GracefulShutdownTest {

    private static final String JDBC_URL = TestDatabase.create("omniops_test_shutdown_");
    /** A claim nobody releases blocks the other node this long. */
    private static final String CLAIM_TIMEOUT = "--axon.eventhandling.tokenstore.claim-timeout=120s";
    private static final AppProcess COMMAND = new AppProcess("command-side", "shutdown-command-side");
    private static final AppProcess FIRST_QUERY = new AppProcess("query-side", "shutdown-query-side-1");
    private static final AppProcess SECOND_QUERY = new AppProcess("query-side", "shutdown-query-side-2");

    static {
        COMMAND.args(TestDatabase.appArgs(JDBC_URL, "shutdown-command-side"));
        FIRST_QUERY.args(TestDatabase.appArgs(JDBC_URL, "shutdown-query-side-1", CLAIM_TIMEOUT,
                "--omniops.alerts.command-side-url=" + COMMAND.url()));
        SECOND_QUERY.args(TestDatabase.appArgs(JDBC_URL, "shutdown-query-side-2", CLAIM_TIMEOUT,
                "--omniops.alerts.command-side-url=" + COMMAND.url()));
    }

    @AfterAll
    static void stopApps() {
        SECOND_QUERY.close();
        FIRST_QUERY.close();
        COMMAND.close();
    }

    @Test
    void aQueryNodeStoppedWithSigtermHandsItsSegmentsToTheOtherAtOnce() {
        if (!COMMAND.running()) {
            COMMAND.start();
        }
        FIRST_QUERY.start();
        await("the first query node holds every segment").atMost(Duration.ofSeconds(60))
                .until(() -> allClaimedBy(FIRST_QUERY));
        SECOND_QUERY.start();
        assertThat(ReadModelChecks.claimedHere(SECOND_QUERY.url()))
                .as("the second node waits: the first holds every segment").isZero();

        long stopping = System.nanoTime();
        assertThat(FIRST_QUERY.stop()).as("the first node exits on its own after SIGTERM").isTrue();
        await("the second query node holds every segment").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> allClaimedBy(SECOND_QUERY));
        long tookMillis = (System.nanoTime() - stopping) / 1_000_000;
        System.out.printf("graceful shutdown: %d segments handed over %d ms after SIGTERM (claim timeout 120 s)%n",
                ReadModelChecks.segments(SECOND_QUERY.url()).size(), tookMillis);
        assertThat(tookMillis).as("well within the claim timeout").isLessThan(60_000);
    }

    @Test
    void theCommandSideStoppedWithSigtermAnswersEveryPlacementItBegan() throws Exception {
        if (!COMMAND.running()) {
            COMMAND.start();
        }
        TradeCatalogue catalogue = TradeCatalogue.create(COMMAND.url(), 5);
        List<String> skus = catalogue.skus();
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicInteger placed = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread client = new Thread(() -> {
                while (COMMAND.running()) {
                    String ref = "SIGTERM-" + UUID.randomUUID();
                    try {
                        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
                        Http.Response response = Http.post(COMMAND.url() + "/api/orders",
                                TestMerchant.order(catalogue.channel(), ref, TestMerchant.line(sku, 1)));
                        answered.put(ref, response.status());
                        if (response.status() == 201) {
                            placed.incrementAndGet();
                        }
                    } catch (UncheckedIOException noAnswer) {
                        unanswered.add(ref);
                        LockSupport.parkNanos(50_000_000L); // the node is going away: no need to hammer it
                    }
                }
            });
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
        await("placements under way").atMost(Duration.ofSeconds(60)).until(() -> placed.get() >= 100);
        assertThat(COMMAND.stop()).as("the command side exits on its own after SIGTERM").isTrue();
        for (Thread client : clients) {
            client.join(60_000);
        }

        Set<String> stored = storedOrderRefs();
        List<String> placedRefs = answered.entrySet().stream().filter(e -> e.getValue() == 201)
                .map(Map.Entry::getKey).toList();
        System.out.printf("graceful shutdown: %d placements answered 201, %d other answers, %d unanswered; "
                        + "%d orders stored%n", placedRefs.size(), answered.size() - placedRefs.size(),
                unanswered.size(), stored.size());
        assertThat(answered.values()).as("answers").allMatch(status -> status < 500);
        assertThat(stored).as("every order answered 201 is stored").containsAll(placedRefs);
        assertThat(Collections.disjoint(stored, unanswered))
                .as("no order stored whose placement went unanswered: the node finished what it began").isTrue();
        assertThat(stored).as("and nothing else").hasSize(placedRefs.size());
    }

    private static boolean allClaimedBy(AppProcess node) {
        int claimed = ReadModelChecks.claimedHere(node.url());
        return claimed > 0 && claimed == ReadModelChecks.segments(node.url()).size();
    }

    private static Set<String> storedOrderRefs() throws Exception {
        Set<String> refs = new HashSet<>();
        try (Connection db = DriverManager.getConnection(JDBC_URL, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT convert_from(payload, 'UTF8')::jsonb->>'channelOrderRef'"
                     + " FROM DomainEventEntry WHERE payloadType = 'com.omniops.events.order.OrderPlaced'")) {
            while (rows.next()) {
                refs.add(rows.getString(1));
            }
        }
        return refs;
    }
}
