package com.omniops.system.support;

import com.omniops.command.CommandSideApplication;
import com.omniops.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.time.Clock;
import java.util.Map;

/**
 * Both apps, started once per test JVM against the fresh test database, each on a random port. They run in one JVM
 * for speed but share nothing except the database, exactly as in production.
 */
public final class TestApps {

    /** The command side's clock (tests that make time pass shift it and reset it). */
    public static final ShiftableClock COMMAND_CLOCK = new ShiftableClock();

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;

    private TestApps() {
    }

    public static synchronized ConfigurableApplicationContext commandSide() {
        if (commandSide == null) {
            commandSide = CommandSideApplication.builder().sources(CommandClock.class).run(common("command-side",
                    // small, so the tests also write and read stock item snapshots
                    "--omniops.stock.snapshot-threshold=5",
                    // deadlines fire within a fifth of a second of being due
                    "--omniops.alerts.timer-poll-interval=PT0.2S",
                    // margins judged every half second (MarginErosionAlertTest)
                    "--omniops.alerts.margin-erosion.check-interval=PT0.5S"));
        }
        return commandSide;
    }

    /** The query side reads the command side's event table, so the command side (and its migrations) go first. */
    public static synchronized ConfigurableApplicationContext querySide() {
        commandSide();
        if (querySide == null) {
            querySide = QuerySideApplication.builder().run(common("query-side",
                    "--omniops.alerts.command-side-url=" + commandUrl(),
                    "--omniops.alerts.stream-poll-interval=200ms"));
            pointAtQuerySide(commandSide, queryUrl());
        }
        return querySide;
    }

    /**
     * Where the command side asks for a month's close checklist: its own query side, whose random port is known only
     * once it has started (the setting is read at each call).
     */
    static void pointAtQuerySide(ConfigurableApplicationContext commandSide, String queryUrl) {
        commandSide.getEnvironment().getPropertySources().addFirst(new MapPropertySource("query-side-url",
                Map.of("omniops.periods.query-side-url", queryUrl)));
    }

    /** Gives the shared command side {@link #COMMAND_CLOCK} as its injected clock. */
    @Configuration(proxyBeanMethods = false)
    static class CommandClock {
        @Bean
        Clock clock() {
            return COMMAND_CLOCK;
        }
    }

    public static String commandUrl() {
        return "http://localhost:" + commandSide().getEnvironment().getProperty("local.server.port");
    }

    public static String queryUrl() {
        return "http://localhost:" + querySide().getEnvironment().getProperty("local.server.port");
    }

    private static String[] common(String name, String... extra) {
        String[] base = {
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.main.banner-mode=off",
                // processor meters read five times a second instead of every 5 s (PrometheusMetricsTest)
                "--omniops.metrics.processor-refresh=PT0.2S",
                "--spring.application.name=" + name + "-test"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
