package com.omniops.system.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.admin.cli.OmniOpsAdmin;
import com.omniops.events.StreamIds;
import com.omniops.projections.availability.AvailabilityProjector;
import com.omniops.projections.orderboard.OrderBoardProjector;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rebuild tooling on PostgreSQL: a damaged read model is detected by verification (recomputed into a scratch
 * schema), a rebuild through the admin API really replays (the damage is repaired and the tokens went back to the
 * start), and the rebuilt tables are identical to the live ones before the damage.
 */
class ReadModelRebuildTest {

    private static final List<Table<?>> AVAILABILITY = AvailabilityProjector.READ_MODEL.tables();
    private static final List<Table<?>> ORDER_BOARD = OrderBoardProjector.READ_MODEL.tables();

    private static IsolatedApps apps;
    private static String warehouse;
    private static String sku;
    private static String orderId;

    @BeforeAll
    static void someTrade() {
        apps = IsolatedApps.get();
        TestMerchant merchant = apps.merchant();
        String wh = merchant.id("WH");
        warehouse = wh;
        String channel = merchant.channel(List.of(wh), "PRIORITY", true, 1);
        sku = merchant.product(channel);
        merchant.receive(wh, sku, 10, "2.50");
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 3));
        orderId = placed.body().get("orderId").asText();
        merchant.placeOrder(channel, TestMerchant.line(sku, 12)); // partly backordered
        Http.Response shipped = Http.post(apps.commandUrl() + "/api/orders/" + orderId + "/shipments",
                Map.of("warehouseId", wh));
        assertThat(shipped.status()).isEqualTo(201);
    }

    @Test
    void listsEveryProcessorWithSegmentsPositionLagAndDeadLetters() {
        awaitCaughtUp("availability");
        awaitCaughtUp("order-board");
        JsonNode processors = get("/api/admin/processors");

        assertThat(processors).extracting(p -> p.get("name").asText()).contains("availability", "order-board");
        for (JsonNode p : processors) {
            assertThat(p.get("mode").asText()).isEqualTo("pooled");
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("supportsReset").asBoolean()).isTrue();
            // query-side.yml: two segments each, but one for the ledger (its daily totals are shared rows), the
            // settlements (a row and the order it names are events of different aggregates), the few periods and
            // the KPIs (day counters shared by every order), the channel feed (its changes numbered in commit order)
            assertThat(p.get("segments")).as(p.get("name").asText()).hasSize(List.of("ledger", "settlements",
                    "periods", "kpis", "alerts", "channel-feed").contains(p.get("name").asText()) ? 1 : 2);
            assertThat(p.get("segments").get(0).get("owner").asText()).isNotBlank();
            assertThat(p.get("segments").get(0).get("claimedHere").asBoolean()).isTrue();
            assertThat(p.get("head").asLong()).isPositive();
            assertThat(p.path("deadLetters").has("letters")).isTrue();
        }
        String cli = cli("processors");
        assertThat(cli).startsWith("0:").contains("availability").contains("order-board").contains("pooled");

        Http.Response unknown = Http.get(apps.queryUrl() + "/api/admin/processors/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PROCESSOR_NOT_FOUND");
    }

    @Test
    void theOpenApiDocumentDescribesTheAuditAndAdminEndpoints() {
        JsonNode paths = get("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/audit/aggregates/{aggregateId}/events")).isTrue();
        assertThat(paths.has("/api/audit/aggregates/{aggregateId}/state")).isTrue();
        assertThat(paths.has("/api/audit/events/export")).isTrue();
        assertThat(paths.has("/api/audit/explain/availability")).isTrue();
        assertThat(paths.has("/api/audit/verify")).isTrue();
        assertThat(paths.has("/api/admin/processors/{name}/rebuild")).isTrue();
        assertThat(paths.has("/api/admin/dead-letters/{group}/{sequenceId}")).isTrue();
    }

    @Test
    void availabilityDamageIsFoundByVerifyAndRepairedByARealReplay() {
        rebuildRepairs("availability", AVAILABILITY,
                "UPDATE availability_stock SET on_hand = on_hand + 1000 WHERE sku = {0}", "availability_stock",
                StreamIds.stockItem(warehouse, sku));
    }

    @Test
    void orderBoardDamageIsFoundByVerifyAndRepairedByARealReplay() {
        rebuildRepairs("order-board", ORDER_BOARD,
                "UPDATE order_board_order SET status = 'DELIVERED', units_shipped = 99 WHERE order_id = {0}",
                "order_board_order", orderId);
    }

    @Test
    void theCliRebuildsWithAProgressBarAndVerifies() {
        awaitCaughtUp("order-board");
        String rebuild = cli("rebuild", "order-board", "--interval", "50", "--timeout", "60");
        assertThat(rebuild).startsWith("0:").contains("Reset order-board").contains("Rebuilt order-board");
        assertThat(cli("verify", "order-board")).startsWith("0:order-board: IDENTICAL");
        assertThat(cli("verify", "nope")).startsWith("2:").contains("PROCESSOR_NOT_FOUND");
    }

    /** {@code handledStream}: a stream whose events the processor handles (its last one is the damaged row's). */
    private void rebuildRepairs(String processor, List<Table<?>> tables, String damage, String damagedTable,
                                String handledStream) {
        awaitCaughtUp(processor);
        Map<String, List<Map<String, Object>>> healthy = rows(tables);
        JsonNode identical = post("/api/admin/processors/" + processor + "/verify", 200);
        assertThat(identical.get("identical").asBoolean()).as(identical.toString()).isTrue();
        assertThat(identical.get("eventsReplayed").asLong()).isPositive();

        dsl().execute(damage, damagedTable.startsWith("availability") ? sku : orderId);

        JsonNode different = post("/api/admin/processors/" + processor + "/verify", 200);
        assertThat(different.get("identical").asBoolean()).isFalse();
        JsonNode table = table(different, damagedTable);
        assertThat(table.get("onlyInLive").asLong()).isEqualTo(1);
        assertThat(table.get("onlyInRecomputed").asLong()).isEqualTo(1);
        assertThat(table.get("sampleOnlyInLive")).hasSize(1);

        JsonNode rebuild = post("/api/admin/processors/" + processor + "/rebuild", 202);
        assertThat(rebuild.get("positionsBefore").size()).isEqualTo(2);
        rebuild.get("positionsBefore").forEach(p -> assertThat(p.asLong()).isPositive());
        // the reset really took the tokens back to the start of the stream
        rebuild.get("positionsAfterReset").forEach(p -> assertThat(p.asLong(0)).as(rebuild.toString()).isZero());
        assertThat(rebuild.path("status").path("replaying").asBoolean()).as(rebuild.toString()).isTrue();
        // The replay runs up to each segment's stored token at the reset, which may lag its live position (in
        // positionsBefore) by events the segment skipped: never before the last event the processor handled, at most
        // the head when the status was read (a policy of the command side may append an event in between).
        long resetPosition = rebuild.path("status").path("replay").path("resetPosition").asLong();
        Object lastHandled = dsl().fetchValue("SELECT max(globalIndex) FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = {0}", handledStream);
        assertThat(lastHandled).isNotNull();
        assertThat(resetPosition).isGreaterThanOrEqualTo(((Number) lastHandled).longValue());
        assertThat(resetPosition).isLessThanOrEqualTo(rebuild.path("status").path("head").asLong());

        awaitCaughtUp(processor);
        assertThat(rows(tables)).isEqualTo(healthy);
        assertThat(post("/api/admin/processors/" + processor + "/verify", 200).get("identical").asBoolean()).isTrue();
    }

    private static void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode p = get("/api/admin/processors/" + processor);
            return !p.get("replaying").asBoolean() && p.get("lag").asLong() == 0
                    && p.get("segments").size() == 2;
        });
    }

    private static JsonNode table(JsonNode verification, String name) {
        for (JsonNode t : verification.get("tables")) {
            if (t.get("table").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + verification);
    }

    private static Map<String, List<Map<String, Object>>> rows(List<Table<?>> tables) {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (Table<?> table : tables) {
            result.put(table.getName(), dsl().selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetchMaps());
        }
        return result;
    }

    private static DSLContext dsl() {
        return apps.queryBean(DSLContext.class);
    }

    static JsonNode get(String path) {
        // IsolatedApps.get(), not the field: other test classes call this whether or not this class ran first
        Http.Response response = Http.get(IsolatedApps.get().queryUrl() + path);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    static JsonNode post(String path, int expectedStatus) {
        Http.Response response = Http.post(IsolatedApps.get().queryUrl() + path, "");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(expectedStatus);
        return response.body();
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = IsolatedApps.get().queryUrl();
        all[2] = "--authorization"; // the demo admin
        all[3] = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin-demo".getBytes());
        System.arraycopy(args, 0, all, 4, args.length);
        int code = OmniOpsAdmin.run(new PrintWriter(out, true), new PrintWriter(out, true), all);
        return code + ":" + out;
    }
}
