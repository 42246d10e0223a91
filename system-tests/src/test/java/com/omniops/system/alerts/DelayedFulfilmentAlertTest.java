package com.omniops.system.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestDatabase;
import com.omniops.system.support.TestMerchant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delayed-fulfilment alert end to end, through the REST APIs on PostgreSQL: an order placed with a promise gets a
 * durable ship-by deadline (a row in the timer table, written with the order); when the command side's clock passes
 * the end of the promised day, the deadline fires, the order is overdue and the alert is raised; a warehouse user
 * acknowledges it (through the query side, as the dashboard does), the live stream tells a listener, and the shipment
 * that completes the order resolves it. Refusals come as problem+json with their codes.
 */
class DelayedFulfilmentAlertTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestMerchant merchant = new TestMerchant();

    @AfterEach
    void takeTimeBack() {
        TestApps.COMMAND_CLOCK.reset();
    }

    @Test
    void anOrderThatMissesItsPromiseRaisesAnAlertThatIsAcknowledgedAndResolvedByTheShipment() throws Exception {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
        long timersBefore = timers();
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 3));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        // the deadline is stored with the order (so it survives a restart), for the day after tomorrow 00:00 UTC
        assertThat(timers()).isEqualTo(timersBefore + 1);
        assertThat(alertsOf(orderId).path("totalItems").asInt()).isZero();

        // one unit ships on time; then three days pass and the deadline fires with two units still open
        ship(orderId, warehouse, List.of(Map.of("lineNo", 1, "quantity", 1)));
        TestApps.COMMAND_CLOCK.shift(Duration.ofDays(3));
        String alertId = "DELAYED_FULFILMENT~" + orderId;
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(orderId).path("totalItems").asInt() == 1);
        JsonNode alert = alertsOf(orderId).path("items").get(0);
        assertThat(alert.path("alertId").asText()).isEqualTo(alertId);
        assertThat(alert.path("type").asText()).isEqualTo("DELAYED_FULFILMENT");
        assertThat(alert.path("status").asText()).isEqualTo("OPEN");
        assertThat(alert.path("channelId").asText()).isEqualTo(channel);
        assertThat(alert.path("measured").decimalValue()).isEqualByComparingTo("2");
        assertThat(alert.path("summary").asText()).contains("2 of 3 units have not shipped");
        assertThat(alertsOf(orderId).path("unresolvedByType").path("DELAYED_FULFILMENT").asInt()).isEqualTo(1);
        TestApps.COMMAND_CLOCK.reset();
        // the order's own history says so too
        assertThat(Http.get(TestApps.queryUrl() + "/api/audit/aggregates/" + orderId + "/events").body()
                .toString()).contains("OrderShipmentOverdue");

        // a listener on the live stream, from the list's position on
        long after = alertsOf(orderId).path("latestChange").asLong();
        List<String> streamed = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> listening = listen(after, streamed);
        await().atMost(Duration.ofSeconds(10)).until(() -> streamed.contains("event:ready"));

        // viewers may not acknowledge; warehouse may, once; an unknown alert is 404
        String ack = "/api/alerts/" + alertId + "/acknowledgement";
        Http.Response refused = Http.as("viewer").postAs(TestApps.queryUrl() + ack, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        Http.Response acknowledged = Http.as("warehouse").postAs(TestApps.queryUrl() + ack,
                Map.of("note", "3PL collects it this afternoon"));
        assertThat(acknowledged.status()).as(acknowledged.body().toString()).isEqualTo(200);
        assertThat(acknowledged.body().path("by").asText()).isEqualTo("warehouse");
        long raisedAndAcknowledged = alertEvents(alertId);
        assertThat(raisedAndAcknowledged).isEqualTo(2);
        Http.Response twice = Http.as("sales").postAs(TestApps.commandUrl() + ack, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALERT_ALREADY_ACKNOWLEDGED");
        Http.Response unknown = Http.as("warehouse").postAs(TestApps.queryUrl()
                + "/api/alerts/DELAYED_FULFILMENT~no-such-order/acknowledgement", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("ALERT_NOT_FOUND");
        Http.Response noReason = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/alerts/" + alertId
                + "/resolution", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(alertEvents(alertId)).as("refusals write nothing").isEqualTo(raisedAndAcknowledged);
        await().atMost(Duration.ofSeconds(10)).until(() -> alert(alertId).path("status").asText()
                .equals("ACKNOWLEDGED"));
        assertThat(alert(alertId).path("acknowledgedBy").asText()).isEqualTo("warehouse");
        assertThat(alert(alertId).path("acknowledgeNote").asText()).isEqualTo("3PL collects it this afternoon");

        // the rest ships: the alert resolves itself, and the listener hears both changes
        ship(orderId, warehouse, List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> alert(alertId).path("status").asText().equals("RESOLVED"));
        JsonNode resolved = alert(alertId);
        assertThat(resolved.path("resolvedAutomatically").asBoolean()).isTrue();
        assertThat(resolved.path("resolutionReason").asText()).startsWith("the order has shipped in full");
        await().atMost(Duration.ofSeconds(10)).until(() -> streamedAlerts(streamed).stream()
                .anyMatch(a -> a.path("status").asText().equals("RESOLVED")));
        assertThat(streamedAlerts(streamed)).extracting(a -> a.path("status").asText())
                .containsSubsequence("ACKNOWLEDGED", "RESOLVED");
        listening.cancel(true);

        Http.Response closedAlready = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/alerts/" + alertId
                + "/resolution", Map.of("reason", "done"));
        assertThat(closedAlready.status()).isEqualTo(409);
        assertThat(closedAlready.code()).isEqualTo("ALERT_NOT_OPEN");
        assertThat(alertsOf(orderId).path("unresolvedByType").path("DELAYED_FULFILMENT").isMissingNode()).isTrue();
        assertThat(Http.get(TestApps.queryUrl() + "/api/alerts?status=RESOLVED&orderId=" + orderId).body()
                .path("totalItems").asInt()).isEqualTo(1);
    }

    /**
     * db-scheduler times its wait between polls with the injected clock; set back (as the demo does when it goes back
     * 90 days, and this test when it takes back three), it would wait until the clock caught up. The timers are woken on
     * the real clock too, so an order already late when it is placed raises its alert at once either way.
     */
    @Test
    void settingTheClockBackDoesNotStallTheTimers() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
        TestApps.COMMAND_CLOCK.shift(Duration.ofDays(3));
        String before = placeLate(channel, sku);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(before).path("totalItems").asInt() == 1);
        TestApps.COMMAND_CLOCK.reset(); // three days back, while the timers wait for the next poll
        String after = placeLate(channel, sku);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOf(after).path("totalItems").asInt() == 1);
    }

    /** An order whose promised ship date was yesterday (by the command side's clock): its deadline is due at once. */
    private String placeLate(String channel, String sku) {
        Map<String, Object> order = new java.util.LinkedHashMap<>(TestMerchant.order(channel,
                merchant.id("LATE-" + java.util.UUID.randomUUID()), TestMerchant.line(sku, 1)));
        order.put("promisedShipDate", LocalDate.ofInstant(TestApps.COMMAND_CLOCK.instant(), ZoneOffset.UTC)
                .minusDays(1).toString());
        Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders", order);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    @Test
    void badFiltersAreRefusedWithTheParameterNamed() {
        Http.Response badStatus = Http.get(TestApps.queryUrl() + "/api/alerts?status=LATE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(badStatus.body().path("parameter").asText()).isEqualTo("status");
        Http.Response badType = Http.get(TestApps.queryUrl() + "/api/alerts?type=FIRE");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().path("parameter").asText()).isEqualTo("type");
        assertThat(Http.get(TestApps.queryUrl() + "/api/alerts/NOPE~x").code()).isEqualTo("ALERT_NOT_FOUND");
    }

    private static void ship(String orderId, String warehouse, List<Map<String, Object>> lines) {
        Http.Response shipped = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", warehouse, "carrier", "DHL", "trackingNumber", "T-" + lines.size(),
                        "lines", lines));
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(201);
    }

    private static JsonNode alertsOf(String orderId) {
        Http.Response response = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts?status=ANY&orderId="
                + orderId);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode alert(String alertId) {
        Http.Response response = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/alerts/" + alertId);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** Reads the stream line by line into {@code lines} (as a browser's EventSource would) until cancelled. */
    private static CompletableFuture<HttpResponse<Stream<String>>> listen(long after, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestApps.queryUrl() + "/api/alerts/stream?after="
                        + after))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> lines.add(line.replace("event: ", "event:")
                .replace("data: ", "data:"))));
        return response;
    }

    private static List<JsonNode> streamedAlerts(List<String> lines) {
        List<JsonNode> alerts = new java.util.ArrayList<>();
        String event = null;
        for (String line : lines) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length());
            } else if (line.startsWith("data:") && "alert".equals(event)) {
                try {
                    alerts.add(JSON.readTree(line.substring("data:".length())));
                } catch (java.io.IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return alerts;
    }

    /** The events stored in the alert's stream. */
    private static long alertEvents(String alertId) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD); var statement = connection.prepareStatement(
                "SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, "alert~" + alertId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Deadlines stored in the durable timer table. */
    private static long timers() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM scheduled_tasks")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
