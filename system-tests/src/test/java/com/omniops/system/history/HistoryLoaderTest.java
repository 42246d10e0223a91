package com.omniops.system.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.bench.history.HistoryLoader;
import com.omniops.command.CommandSideApplication;
import com.omniops.events.order.OrderPlaced;
import com.omniops.query.QuerySideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The benchmark's history loader (benchmarks/run.sh --history=N) on a real database: it writes exactly N events, both
 * apps start on what it wrote without replaying it, every stored event reads back through the apps' serializer and
 * upcasters, the hash chain continues from the head, and generated aggregates and lookups behave like real ones.
 */
class HistoryLoaderTest {

    private static final long EVENTS = 20_000;

    private static String jdbcUrl;
    private static HistoryLoader.Result loaded;
    private static Set<String> tokensWritten;
    private static Map<String, Object> loadedRows;
    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void loadThenStartTheApps() throws Exception {
        jdbcUrl = TestDatabase.create("omniops_test_history_");
        loaded = new HistoryLoader(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD)
                .load(EVENTS, 10, Duration.ofDays(365), 7);
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(jdbcUrl, TestDatabase.USER,
                TestDatabase.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        tokensWritten = tokenRows();
        // as the loader left the database (the other tests add events once the apps run)
        loadedRows = jdbc.queryForMap("""
                SELECT (SELECT count(*) FROM domainevententry) AS events,
                       (SELECT max(globalindex) FROM domainevententry) AS head,
                       (SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.OrderPlaced') AS placed,
                       (SELECT count(*) FROM order_reference) AS refs,
                       (SELECT count(*) FROM event_hash_chain) AS chained""");
        commandSide = CommandSideApplication.builder().run(args("command-side"));
        querySide = QuerySideApplication.builder().run(args("query-side",
                "--omniops.audit.hash-chain.interval-ms=200"));
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void writesExactlyTheRequestedEventsAsGaplessStreams() {
        assertThat(loaded.events()).isEqualTo(EVENTS);
        assertThat(((Number) loadedRows.get("events")).longValue()).isEqualTo(EVENTS);
        assertThat(((Number) loadedRows.get("head")).longValue()).isEqualTo(EVENTS);
        assertThat(((Number) loadedRows.get("chained")).longValue()).isEqualTo(EVENTS);
        // one order_reference row per OrderPlaced
        assertThat(((Number) loadedRows.get("refs")).longValue()).isEqualTo(loaded.orders())
                .isEqualTo(((Number) loadedRows.get("placed")).longValue()).isPositive();
        // every aggregate's sequence numbers run 0..n-1, as Axon appends them
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT aggregateidentifier FROM domainevententry WHERE globalindex <= ?
                                       GROUP BY aggregateidentifier
                                       HAVING max(sequencenumber) + 1 <> count(*) OR min(sequencenumber) <> 0) broken""",
                Long.class, EVENTS)).isZero();
        // the keys dropped for the COPY are back
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'domainevententry'",
                String.class)).contains("domain_event_entry_pk", "domain_event_entry_aggregate_seq_uk",
                "domain_event_entry_event_id_uk");
    }

    @Test
    void everyStoredEventReadsBackThroughTheAppsSerializerAndUpcasters() {
        EventStore store = commandSide.getBean(EventStore.class);
        Map<String, Integer> types = new HashMap<>();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (read < EVENTS) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                assertThat(event.getPayload()).isNotNull();
                types.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum);
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(types).containsKeys("ChannelRegistered", "ProductRegistered", "ProductListedOnChannel",
                "StockReceived", "StockReserved", "OrderPlaced", "PaymentCaptured", "OrderShipped", "StockIssued",
                "OrderDelivered");
    }

    @Test
    void processorsStartAtTheHeadInsteadOfReplayingTheHistory() {
        // no processor the loader missed: the apps created no token rows of their own
        assertThat(tokenRows()).isEqualTo(tokensWritten).hasSize((int) loaded.tokens());
        List<String> positions = jdbc.queryForList("""
                SELECT convert_from(token, 'UTF8') FROM tokenentry UNION ALL
                SELECT convert_from(token, 'UTF8') FROM commandtokenentry""", String.class);
        assertThat(positions).allSatisfy(token -> assertThat(index(token)).isGreaterThanOrEqualTo(EVENTS));
        // the read models hold what happens from now on, not the generated history
        String historicalOrder = jdbc.queryForObject(
                "SELECT order_id FROM order_reference ORDER BY channel_order_ref LIMIT 1", String.class);
        assertThat(Http.get(queryUrl() + "/api/orders/" + historicalOrder).status()).isEqualTo(404);
        Http.Response placed = placeOrder("HIST-WEB", "NEW-1", "HIST-SKU-00001");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        await().atMost(60, TimeUnit.SECONDS).until(() -> Http.get(queryUrl() + "/api/orders/" + orderId).status(),
                status -> status == 200);
    }

    @Test
    void theHashChainCoversTheHistoryAndContinuesFromItsHead() {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> verify(false),
                report -> report.get("chainedUpTo").asLong() >= EVENTS);
        JsonNode report = verify(true);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("INTACT");
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(EVENTS);
    }

    @Test
    void aGeneratedStockItemLoadsFromItsHistoryAndTakesCommands() {
        String item = "HIST-WH1:HIST-SKU-00000";
        JsonNode last = lastEventOf(item);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, item)).isGreaterThan(100); // a long stream, no snapshot
        Http.Response received = Http.post(commandUrl() + "/api/stock/HIST-WH1/HIST-SKU-00000/receipts",
                Map.of("quantity", 10, "unitCost", new BigDecimal("5.00"), "currency", "EUR"));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        assertThat(received.body().get("onHand").asInt()).isEqualTo(last.get("onHandAfter").asInt() + 10);
        assertThat(received.body().get("reserved").asInt()).isEqualTo(last.get("reservedAfter").asInt());
    }

    @Test
    void aHistoricalChannelOrderReferenceFindsItsOrder() {
        Map<String, Object> reference = jdbc.queryForMap("""
                SELECT r.channel_id, r.channel_order_ref, r.order_id FROM order_reference r
                 WHERE r.channel_id = 'HIST-WEB' ORDER BY r.channel_order_ref LIMIT 1""");
        String sku = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::json -> 'lines' -> 0 ->> 'sku' FROM domainevententry
                 WHERE aggregateidentifier = ? AND sequencenumber = 0""", String.class, reference.get("order_id"));
        Http.Response again = placeOrder("HIST-WEB", (String) reference.get("channel_order_ref"), sku);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().get("orderId").asText()).isEqualTo(reference.get("order_id"));
        assertThat(again.body().get("status").asText()).isEqualTo("DELIVERED");
    }

    private static Http.Response placeOrder(String channel, String reference, String sku) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("channelId", channel);
        order.put("channelOrderRef", reference);
        order.put("customerId", "CUST-1");
        order.put("currency", "EUR");
        order.put("lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", new BigDecimal("19.90"),
                "taxAmount", new BigDecimal("3.32"))));
        order.put("shippingCharge", new BigDecimal("4.95"));
        return Http.post(commandUrl() + "/api/orders", order);
    }

    private static JsonNode verify(boolean catchUp) {
        Http.Response report = Http.as("auditor").postAs(queryUrl() + "/api/audit/verify?catchUp=" + catchUp,
                Map.of());
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return report.body();
    }

    private static JsonNode lastEventOf(String aggregateId) {
        String json = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?
                 ORDER BY sequencenumber DESC LIMIT 1""", String.class, aggregateId);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> tokenRows() {
        return new TreeSet<>(jdbc.queryForList("""
                SELECT 'query/' || processorname || '/' || segment FROM tokenentry UNION ALL
                SELECT 'command/' || processorname || '/' || segment FROM commandtokenentry""", String.class));
    }

    private static long index(String token) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(token).get("index").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String commandUrl() {
        return "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
    }

    private static String queryUrl() {
        return "http://localhost:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    private static String[] args(String name, String... extra) {
        return TestDatabase.appArgs(jdbcUrl, name + "-history-test", extra);
    }
}
