package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.admin.cli.OmniOpsAdmin;
import com.omniops.devdb.EmbeddedServer;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's read scaling: the query side reads its read models from a PostgreSQL streaming replica
 * ({@code omniops.query.replica.url}) while its processors write them on the primary. The apps run on a cluster of
 * the test's own with a replica made by {@code pg_basebackup}. With the replica's replay paused, an order the primary's
 * order board already holds is not found through the query API (the query went to the replica) and the processors
 * API shows how far the replica is behind; once replay resumes, the order is there and the lag is gone. Every query
 * of the API runs on the read-only replica without an error, verification keeps working on the primary, and with the
 * replica down queries answer 503 and the node reports itself not ready while its processors run on.
 */
class ReadReplicaTest {

    private static final AppProcess COMMAND = new AppProcess("command-side", "replica-command-side");
    private static final AppProcess QUERY = new AppProcess("query-side", "replica-query-side");
    private static EmbeddedServer primary;
    private static EmbeddedServer replica;
    private static Path primaryData;
    private static Path replicaData;

    @AfterAll
    static void stopEverything() throws IOException {
        QUERY.close();
        COMMAND.close();
        for (EmbeddedServer server : new EmbeddedServer[]{replica, primary}) {
            if (server != null) {
                server.close();
            }
        }
        OwnPostgres.deleteDirectory(replicaData);
        OwnPostgres.deleteDirectory(primaryData);
    }

    @Test
    void queriesReadTheReplicaAndTheProcessorsApiShowsItsLag() throws Exception {
        // durable: a base backup needs full_page_writes, which a throw-away test cluster turns off
        primaryData = Files.createTempDirectory("omniops-primary-pg-");
        primary = EmbeddedServer.start(primaryData, true);
        replicaData = Files.createTempDirectory("omniops-replica-pg-");
        Files.delete(replicaData); // pg_basebackup creates it, with the mode PostgreSQL requires
        baseBackup(primary, replicaData);
        replica = EmbeddedServer.start(replicaData, true, freePort());
        assertThat(single(replica, "postgres", "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
        OwnPostgres.createDatabase(primary, "omniops");
        String primaryUrl = primary.jdbcUrl("omniops");
        COMMAND.args(OwnPostgres.appArgs(primaryUrl, "replica-command-side"));
        QUERY.args(OwnPostgres.appArgs(primaryUrl, "replica-query-side",
                "--omniops.alerts.command-side-url=" + COMMAND.url(),
                "--omniops.query.replica.url=" + replica.jdbcUrl("omniops")));
        COMMAND.start();
        QUERY.start();
        TradeCatalogue catalogue = TradeCatalogue.create(COMMAND.url(), 3);

        String first = place(catalogue, "REPLICA-1");
        await("an order on the query side, through the replica").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(QUERY.url() + "/api/orders/" + first).status() == 200);
        for (JsonNode processor : Http.get(QUERY.url() + "/api/admin/processors").body()) {
            assertThat(processor.path("replica").isObject()).as(processor.toString()).isTrue();
            assertThat(processor.path("replica").path("error").isNull()).as(processor.toString()).isTrue();
        }

        execute(replica, "SELECT pg_wal_replay_pause()");
        String second = place(catalogue, "REPLICA-2");
        await("the order on the primary's order board").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "1".equals(single(primary, "omniops",
                        "SELECT count(*)::text FROM order_board_order WHERE order_id = '" + second + "'")));
        assertThat(Http.get(QUERY.url() + "/api/orders/" + second).status())
                .as("the query reads the paused replica").isEqualTo(404);
        JsonNode paused = orderBoard();
        System.out.println("replica paused: order-board " + paused);
        assertThat(paused.path("replica").path("behindPrimary").asLong()).isPositive();
        assertThat(paused.path("replica").path("lag").asLong()).isPositive();
        assertThat(paused.path("replica").path("lagBytes").asLong()).isPositive();
        assertThat(paused.path("lag").asLong()).as("the primary's read model is current").isZero();
        String cli = cli("processors");
        assertThat(cli).startsWith("0:").contains("replica position").contains("behind the primary");
        everyQueryAnswers();

        execute(replica, "SELECT pg_wal_replay_resume()");
        await("the order through the replica once it replays").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(QUERY.url() + "/api/orders/" + second).status() == 200);
        await("the replica caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> orderBoard().path("replica").path("behindPrimary").asLong(-1) == 0);
        System.out.println("replica resumed: order-board " + orderBoard());
        ReadModelChecks.everyReadModelEqualsARecomputation(QUERY.url());

        replica.close();
        replica = null;
        Http.Response replicaDown = Http.get(QUERY.url() + "/api/orders/" + first);
        assertThat(replicaDown.status()).as(replicaDown.body().toString()).isEqualTo(503);
        assertThat(replicaDown.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(Http.get(QUERY.url() + "/actuator/health/readiness").status())
                .as("a node that cannot answer queries leaves the load balancer").isEqualTo(503);
        JsonNode withoutReplica = orderBoard();
        assertThat(withoutReplica.path("replica").path("error").asText()).isNotBlank();
        assertThat(withoutReplica.path("running").asBoolean()).isTrue();
    }

    private static String place(TradeCatalogue catalogue, String ref) {
        Http.Response placed = Http.post(COMMAND.url() + "/api/orders", TestMerchant.order(catalogue.channel(),
                ref, TestMerchant.line(catalogue.skus().get(0), 1)));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--url", QUERY.url(), "--authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8))));
        all.addAll(List.of(args));
        int code = OmniOpsAdmin.run(new PrintWriter(out, true), new PrintWriter(out, true), all.toArray(String[]::new));
        return code + ":" + out;
    }

    private static JsonNode orderBoard() {
        return Http.get(QUERY.url() + "/api/admin/processors/order-board").body();
    }

    /**
     * Every GET of the query API that needs no path or required parameter (streams aside) answers without a server
     * error while it reads the replica: none of them writes in a read-only transaction.
     */
    private static void everyQueryAnswers() {
        JsonNode paths = Http.get(QUERY.url() + "/v3/api-docs").body().path("paths");
        List<String> asked = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().contains("{") || path.getKey().contains("stream")
                    || requiresParameter(get)) {
                continue;
            }
            Http.Response answer = Http.get(QUERY.url() + path.getKey());
            asked.add(path.getKey());
            if (answer.status() >= 500) {
                failed.add(path.getKey() + " " + answer.status() + " " + answer.body());
            }
        }
        System.out.println("queries asked of the replica: " + asked.size() + " " + asked);
        assertThat(asked).hasSizeGreaterThan(10);
        assertThat(failed).isEmpty();
    }

    private static boolean requiresParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("required").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** A streaming replica of {@code server}: its standby.signal and primary_conninfo are written by {@code -R}. */
    private static void baseBackup(EmbeddedServer server, Path target) throws IOException, InterruptedException {
        Process backup = new ProcessBuilder(tool("pg_basebackup"), "-h", server.host(),
                "-p", String.valueOf(server.port()), "-U", EmbeddedServer.USER, "-D", target.toString(), "-R",
                "-X", "stream", "-c", "fast").redirectErrorStream(true).start();
        String output = new String(backup.getInputStream().readAllBytes());
        assertThat(backup.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).as(output).isZero();
    }

    /** A PostgreSQL client tool: on the PATH, or in Debian's versioned directory. */
    private static String tool(String name) throws IOException {
        try (Stream<Path> versions = Files.exists(Path.of("/usr/lib/postgresql"))
                ? Files.list(Path.of("/usr/lib/postgresql")) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable).findFirst()
                    .map(Path::toString).orElse(name);
        }
    }

    private static String single(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedServer server, String sql) throws SQLException {
        single(server, "postgres", sql);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
