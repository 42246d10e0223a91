package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.devdb.EmbeddedServer;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's database restart: the apps run on a PostgreSQL cluster of the test's own (the machine's server stays
 * up for every other test), which is stopped in the middle of a trading load and started again on the same data and
 * port. While it is away both apps answer 503 problem+json at once (not 500, not a hang); when it is back they carry
 * on without being restarted themselves, and nothing acknowledged is lost.
 */
class PostgresRestartTest {

    private static final Path DATA;
    private static final int PORT;
    private static EmbeddedServer server;
    private static final AppProcess COMMAND = new AppProcess("command-side", "restart-command-side");
    private static final AppProcess QUERY = new AppProcess("query-side", "restart-query-side");
    private static String jdbcUrl;

    static {
        try {
            DATA = Files.createTempDirectory("omniops-restart-pg-");
            try (ServerSocket socket = new ServerSocket(0)) {
                PORT = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @AfterAll
    static void stopEverything() throws IOException {
        QUERY.close();
        COMMAND.close();
        if (server != null) {
            server.close();
        }
        OwnPostgres.deleteDirectory(DATA);
    }

    @Test
    void bothAppsAnswer503WhileTheDatabaseRestartsAndCarryOnAfterwards() throws Exception {
        server = EmbeddedServer.start(DATA, true, PORT);
        OwnPostgres.createDatabase(server, "omniops");
        jdbcUrl = server.jdbcUrl("omniops");
        COMMAND.args(appArgs("restart-command-side"));
        QUERY.args(appArgs("restart-query-side", "--omniops.alerts.command-side-url=" + COMMAND.url()));
        COMMAND.start();
        QUERY.start();
        TradeCatalogue catalogue = TradeCatalogue.create(COMMAND.url(), 5);
        TradeLoad load = new TradeLoad(COMMAND.url(), catalogue);
        load.start(8);
        TradeChecks.awaitPlaced(load, 40);

        server.close();
        long away = System.nanoTime();
        Http.Response command = Http.post(COMMAND.url() + "/api/orders", TestMerchant.order(
                catalogue.channel(), "WHILE-AWAY-" + System.nanoTime(), TestMerchant.line(catalogue.skus().get(0),
                        1)));
        long commandMillis = (System.nanoTime() - away) / 1_000_000;
        Http.Response query = Http.get(QUERY.url() + "/api/orders");
        assertThat(command.status()).as(command.body().toString()).isEqualTo(503);
        assertThat(command.contentType()).startsWith("application/problem+json");
        assertThat(command.code()).isNotBlank();
        assertThat(query.status()).as(query.body().toString()).isEqualTo(503);
        assertThat(query.contentType()).startsWith("application/problem+json");
        assertThat(commandMillis).as("answered, not hung").isLessThan(15_000);
        await("every client waiting for the database").atMost(Duration.ofSeconds(30))
                .until(() -> load.clientsWaitingForAnAnswer() == 8);

        server = EmbeddedServer.start(DATA, true, PORT);
        long downMillis = (System.nanoTime() - away) / 1_000_000;
        TradeChecks.awaitPlaced(load, 40);
        load.stop();

        TradeLoad.Counts counts = load.counts();
        System.out.printf("database restart: down %d ms, the command side answered %d (%s) in %d ms and the query "
                        + "side %d; %s%n", downMillis, command.status(), command.code(), commandMillis,
                query.status(), counts);
        assertThat(load.serverErrors()).as("5xx answers other than 503").isEmpty();
        assertThat(counts.unavailableAnswers()).as("503s while the database was away").isPositive();
        TradeChecks.nothingAcknowledgedIsLost(jdbcUrl, EmbeddedServer.USER, "", load, COMMAND.url());
        ReadModelChecks.everyReadModelEqualsARecomputation(QUERY.url());
    }

    private static String[] appArgs(String name, String... extra) {
        return OwnPostgres.appArgs(jdbcUrl, name, extra);
    }
}
