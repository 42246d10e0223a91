package com.omniops.system.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.command.CommandSideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo loader's mechanics on a database of its own (a short demo: 3 days): the app is ready before the load is
 * done (it runs in the background), progress and completion are recorded and shown under {@code /actuator/info}, a
 * second start does not load again, and a load that never completed is reported as interrupted, not as loaded.
 */
class DemoLoadTest {

    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(8); // a busy 2-core machine, other suites running

    private final String jdbcUrl = TestDatabase.create("omniops_test_demo_");

    /**
     * Events the loader itself wrote. The command-side policies (replenishment, backorders) may still react to the
     * load after a restart and write events of their own as user "system"; those are not a second load.
     */
    private static final String LOADER_EVENTS = "SELECT count(*) FROM DomainEventEntry "
            + "WHERE convert_from(metaData, 'UTF8') LIKE '%\"user\":\"demo-loader\"%'";

    @Test
    void loadsInTheBackgroundRecordsCompletionAndNeverTakesAHalfLoadAsComplete() throws Exception {
        long eventsAfterLoad;
        try (ConfigurableApplicationContext app = start()) {
            // ready while the loader has barely begun: readiness does not wait for it
            assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
                    .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(demoInfo(app).path("state").asText()).isIn("WAITING", "LOADING");

            await().atMost(LOAD_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> demoInfo(app).path("state").asText(), s -> !s.equals("WAITING") && !s.equals("LOADING"));
            JsonNode loaded = demoInfo(app);
            assertThat(loaded.path("state").asText()).isEqualTo("LOADED");
            assertThat(loaded.path("day").asInt()).isEqualTo(3);
            assertThat(loaded.path("days").asInt()).isEqualTo(3);
            assertThat(loaded.path("ordersPlaced").asInt()).isPositive();
            assertThat(sql("SELECT progress_day || '/' || days || ' ' || (completed_at IS NOT NULL) FROM demo_load"))
                    .isEqualTo("3/3 true");
            eventsAfterLoad = Long.parseLong(sql(LOADER_EVENTS));
            assertThat(eventsAfterLoad).isGreaterThan(500); // catalogue, listings, opening stock, orders
        }

        try (ConfigurableApplicationContext again = start()) {
            await().atMost(Duration.ofMinutes(2)).until(() -> demoInfo(again).path("state").asText(),
                    "LOADED"::equals);
            assertThat(Long.parseLong(sql(LOADER_EVENTS))).isEqualTo(eventsAfterLoad);
        }

        sql("UPDATE demo_load SET completed_at = NULL, progress_day = 2 RETURNING id"); // as if killed on day 2
        try (ConfigurableApplicationContext afterKill = start()) {
            await().atMost(Duration.ofMinutes(2)).until(() -> demoInfo(afterKill).path("state").asText(),
                    "INTERRUPTED"::equals);
            assertThat(demoInfo(afterKill).path("message").asText()).contains("day 2 of 3")
                    .contains("./run.sh --reset-demo");
            assertThat(Long.parseLong(sql(LOADER_EVENTS))).isEqualTo(eventsAfterLoad);
        }
    }

    private ConfigurableApplicationContext start() {
        return CommandSideApplication.builder().profiles("demo").run(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.main.banner-mode=off",
                "--spring.application.name=command-side-demo-test",
                "--omniops.demo.days=3",
                "--omniops.demo.orders-per-day=4");
    }

    private static JsonNode demoInfo(ConfigurableApplicationContext app) {
        String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/actuator/info";
        Http.Response response = Http.as("admin").getAs(url);
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("demo");
    }

    private String sql(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
