package com.omniops.system.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.command.CommandSideApplication;
import com.omniops.query.QuerySideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both apps on a database of their own with the event settings under test, and a merchant with stock to order from.
 * Closed at the end of the test class: the polling and listening threads must not run on into other suites.
 */
final class WakeUpApps implements AutoCloseable {

    final String jdbcUrl;
    final ConfigurableApplicationContext commandSide;
    final ConfigurableApplicationContext querySide;
    private final TestMerchant merchant;
    private final String channel;
    private final String sku;

    WakeUpApps(String prefix, List<String> commandArgs, List<String> queryArgs) {
        jdbcUrl = TestDatabase.create(prefix);
        commandSide = CommandSideApplication.builder().run(args("command-side", commandArgs));
        querySide = QuerySideApplication.builder().run(args("query-side", queryArgs));
        merchant = new TestMerchant(this::commandUrl);
        String warehouse = merchant.id("WH");
        channel = merchant.channel(List.of(warehouse), "PRIORITY", true, 0);
        sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 1000, "2.50");
    }

    /** Places a one-line order through the REST API and returns its id. */
    String placeOrder() {
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 1));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().get("orderId").asText();
    }

    boolean visibleOnQuerySide(String orderId) {
        return Http.get(queryUrl() + "/api/orders/" + orderId).status() == 200;
    }

    /** Waits, generously, for a first order to be seen: the processors have claimed their segments and tail. */
    void awaitProcessorsTailing() {
        String first = placeOrder();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> visibleOnQuerySide(first));
    }

    /** Backend pids of the connections of this database with the given application name. */
    List<Integer> backends(String applicationName) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             PreparedStatement statement = connection.prepareStatement("SELECT pid FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND application_name = ?")) {
            statement.setString(1, applicationName);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void terminate(int pid) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next() && rows.getBoolean(1)).as("backend %d terminated", pid).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String commandUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }

    String queryUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }

    private String[] args(String name, List<String> extra) {
        return TestDatabase.appArgs(jdbcUrl, name + "-wake-test", extra.toArray(String[]::new));
    }
}
