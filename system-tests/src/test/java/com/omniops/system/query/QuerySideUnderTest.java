package com.omniops.system.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.query.QuerySideApplication;
import com.omniops.system.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One query-side application for all tests of this package, on its own fresh database (not the shared
 * {@code TestDatabase}: these tests reset processors and clear read models, which must not disturb other suites).
 * The command side's migrations run first, exactly as in production where both sides share one schema.
 */
final class QuerySideUnderTest {

    private static final String USER = TestDatabase.USER;
    private static final String PASSWORD = TestDatabase.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext context;
    private static String jdbcUrl;

    private QuerySideUnderTest() {
    }

    static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            jdbcUrl = TestDatabase.create("omniops_test_query_");
            Flyway.configure().dataSource(jdbcUrl, USER, PASSWORD)
                    .locations("classpath:db/command").table("flyway_history_command")
                    .baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            context = QuerySideApplication.builder().run(
                    "--server.port=0",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + USER,
                    "--spring.datasource.password=" + PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** Appends events of one aggregate, as the command side would, in one transaction. */
    static void append(String aggregateType, String aggregateId, long firstSequence, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, firstSequence + i, payloads[i]));
        }
        bean(TransactionManager.class).executeInTransaction(() -> bean(EventStore.class).publish(messages));
    }

    static Response get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    static Response get(String pathAndQuery, String accept) {
        int port = Integer.parseInt(context().getEnvironment().getProperty("local.server.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", accept)
                // the demo viewer: read-only access to the dashboards
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "viewer:viewer-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    isJson(response) ? JSON.readTree(body) : JSON.nullNode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(HttpResponse<String> response) {
        String body = response.body();
        return body != null && !body.isBlank()
                && response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(100, 999);
    }

    record Response(int status, String contentType, JsonNode json, String raw) {
    }
}
