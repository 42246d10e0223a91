package com.omniops.system.support;

import com.omniops.command.CommandSideApplication;
import com.omniops.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both apps on a database of their own, for the audit and admin suites: they rebuild read models, tamper with stored
 * events and insert legacy events, which must not disturb the suites sharing {@link TestApps}. Small connection pools
 * (five contexts share one PostgreSQL in a test run), a fast hash-chain job, and a test-only upcaster
 * ({@link LegacyUpcasterConfiguration}) registered in both apps the way production upcasters are: as a bean.
 */
public final class IsolatedApps {

    private static IsolatedApps instance;

    private final String jdbcUrl;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private IsolatedApps() {
        jdbcUrl = TestDatabase.create("omniops_test_admin_");
        commandSide = CommandSideApplication.builder().sources(LegacyUpcasterConfiguration.class)
                .run(args("command-side", "--omniops.alerts.timer-poll-interval=PT0.2S"));
        querySide = QuerySideApplication.builder().sources(LegacyUpcasterConfiguration.class)
                .run(args("query-side",
                        "--omniops.audit.hash-chain.interval-ms=200",
                        "--omniops.audit.hash-chain.gap-timeout=2s"));
        TestApps.pointAtQuerySide(commandSide, queryUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            querySide.close();
            commandSide.close();
        }));
    }

    public static synchronized IsolatedApps get() {
        if (instance == null) {
            instance = new IsolatedApps();
        }
        return instance;
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    public String commandUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }

    public String queryUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public <T> T queryBean(Class<T> type) {
        return querySide.getBean(type);
    }

    public TestMerchant merchant() {
        return new TestMerchant(this::commandUrl);
    }

    private String[] args(String name, String... extra) {
        return TestDatabase.appArgs(jdbcUrl, name + "-isolated-test", extra);
    }
}
