package com.omniops.system.admin;

import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL;
import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.MASTER_LISTING;
import static com.omniops.projections.jooq.Tables.MASTER_PRODUCT;
import static com.omniops.projections.jooq.Tables.MASTER_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.PURCHASING_SUPPLIER;
import static com.omniops.projections.jooq.Tables.REORDER_RULE_VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read models behind the master-data endpoints rebuild to the same rows: a reset (the projector's
 * {@code @ResetHandler} empties its tables) and a replay of the whole stream give back exactly what was there, and
 * the master-data model is verifiable against a fresh recomputation. Suppliers and reorder rules are served by the
 * purchasing and reorder-rules read models, rebuilt the same way.
 */
class MasterDataRebuildTest {

    private static final List<Table<?>> MASTER_DATA = List.of(MASTER_PRODUCT, MASTER_LISTING, MASTER_CHANNEL,
            MASTER_CHANNEL_WAREHOUSE, MASTER_STOCK_ITEM);

    private static IsolatedApps apps;
    private static String sku;

    @BeforeAll
    static void masterData() {
        apps = IsolatedApps.get();
        TestMerchant merchant = apps.merchant();
        String north = merchant.id("WH-N");
        String south = merchant.id("WH-S");
        String channel = merchant.channel(List.of(north, south), "FEWEST_SPLITS", true, 2);
        sku = merchant.product(channel);
        String other = merchant.product(channel);
        assertThat(Http.post(apps.commandUrl() + "/api/products/" + other + "/discontinue", Map.of())
                .status()).isEqualTo(200);
        merchant.receive(north, sku, 4, "1.00");
        merchant.receive(south, sku, 4, "1.00");
        merchant.receive(south, other, 4, "1.00");
        String supplier = merchant.id("SUP");
        assertThat(Http.post(apps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplier, "name", "S",
                "leadTimeMeanDays", 5, "currency", "EUR")).status()).isEqualTo(201);
        assertThat(Http.post(apps.commandUrl() + "/api/stock/" + north + "/" + sku + "/reorder-rule",
                Map.of("supplierId", supplier, "method", "SERVICE_LEVEL", "serviceLevel", 0.97, "max", 10,
                        "multiple", 2)).status()).isEqualTo(200);
    }

    @Test
    void masterDataRebuildsToTheSameRowsAndVerifies() {
        awaitCaughtUp("master-data");
        await().atMost(Duration.ofSeconds(30)).until(() -> dsl().fetchCount(MASTER_STOCK_ITEM,
                MASTER_STOCK_ITEM.SKU.eq(sku)) == 2);
        Map<String, List<Map<String, Object>>> before = rows(MASTER_DATA);
        assertThat(before.get("master_product")).isNotEmpty();
        JsonNode verified = post("/api/admin/processors/master-data/verify", 200);
        assertThat(verified.path("identical").asBoolean()).as(verified.toString()).isTrue();

        dsl().execute("UPDATE master_product SET status = 'DISCONTINUED' WHERE sku = {0}", sku);
        JsonNode damaged = post("/api/admin/processors/master-data/verify", 200);
        assertThat(damaged.path("identical").asBoolean()).as("verification compares the product rows").isFalse();

        rebuild("master-data");
        assertThat(rows(MASTER_DATA)).isEqualTo(before);
        assertThat(post("/api/admin/processors/master-data/verify", 200)
                .path("identical").asBoolean()).isTrue();
    }

    @Test
    void suppliersAndReorderRulesRebuildToTheSameRows() {
        for (var model : Map.of("purchasing", PURCHASING_SUPPLIER, "reorder-rules", REORDER_RULE_VIEW).entrySet()) {
            awaitCaughtUp(model.getKey());
            Map<String, List<Map<String, Object>>> before = rows(List.of(model.getValue()));
            assertThat(before.values().iterator().next()).as(model.getKey()).isNotEmpty();
            rebuild(model.getKey());
            assertThat(rows(List.of(model.getValue()))).as(model.getKey()).isEqualTo(before);
        }
    }

    private static void rebuild(String processor) {
        JsonNode rebuild = post("/api/admin/processors/" + processor + "/rebuild", 202);
        rebuild.get("positionsAfterReset").forEach(p -> assertThat(p.asLong(0)).as(rebuild.toString()).isZero());
        awaitCaughtUp(processor);
    }

    private static void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode p = get("/api/admin/processors/" + processor);
            return !p.get("replaying").asBoolean() && p.get("lag").asLong() == 0
                    && p.get("segments").size() == 2;
        });
    }

    private static Map<String, List<Map<String, Object>>> rows(List<Table<?>> tables) {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (Table<?> table : tables) {
            result.put(table.getName(), dsl().selectFrom(table).orderBy(table.getPrimaryKey().getFields())
                    .fetchMaps());
        }
        return result;
    }

    private static JsonNode get(String path) {
        Http.Response response = Http.get(apps.queryUrl() + path);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode post(String path, int expectedStatus) {
        Http.Response response = Http.post(apps.queryUrl() + path, "");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static DSLContext dsl() {
        return apps.queryBean(DSLContext.class);
    }
}
