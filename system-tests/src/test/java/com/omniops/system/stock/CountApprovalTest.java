package com.omniops.system.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cycle counts through both REST APIs with the default tolerance (2 units or 2 %, value ≤ 100.00): a small variance
 * adjusts at once; a large one waits, blocks further counts, and is applied by finance or refused without changing
 * stock; nobody approves their own count, and an approval that would uncover reservations is refused.
 */
class CountApprovalTest {

    private static final Http WAREHOUSE = Http.as("warehouse");
    private static final Http FINANCE = Http.as("finance");
    private static final Http ADMIN = Http.as("admin");
    private final TestMerchant merchant = new TestMerchant();

    private String base;

    private Http.Response post(Http as, String path, Object body) {
        return as.postAs(TestApps.commandUrl() + base + path, body);
    }

    private Http.Response count(Http as, int counted) {
        return post(as, "/counts", Map.of("countedQuantity", counted, "note", "cycle count"));
    }

    private static JsonNode stockRow(String channel, String sku) {
        JsonNode items = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                .body().path("items");
        assertThat(items).isNotEmpty();
        return items.get(0).path("warehouses").get(0);
    }

    private static JsonNode counts(String query) {
        return Http.as("auditor").getAs(TestApps.queryUrl() + "/api/counts?" + query).body();
    }

    @Test
    void aSmallVarianceAdjustsAtOnce_aLargeOneWaitsForFinance_andARejectedOneChangesNothing() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 40, "10.00");
        base = "/api/stock/" + warehouse + "/" + sku;

        Http.Response small = count(WAREHOUSE, 39);
        assertThat(small.status()).as(small.raw().body()).isEqualTo(201);
        assertThat(small.body().path("status").asText()).isEqualTo("APPLIED");
        assertThat(small.body().path("variance").asInt()).isEqualTo(-1);
        assertThat(small.body().path("level").path("onHand").asInt()).isEqualTo(39);

        Http.Response large = count(WAREHOUSE, 30);
        assertThat(large.status()).isEqualTo(201);
        assertThat(large.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(large.body().path("approvalReasons")).extracting(JsonNode::asText)
                .containsExactly("BEYOND_TOLERANCE");
        assertThat(large.body().path("level").path("onHand").asInt()).as("nothing applied yet").isEqualTo(39);
        String pending = large.body().path("countId").asText();

        TestApps.commandSide().getBean("aggregateCache", Cache.class).removeAll();
        assertThat(count(WAREHOUSE, 31).code()).as("the pending count survives a reload")
                .isEqualTo("COUNT_PENDING");
        assertThat(post(WAREHOUSE, "/adjustment-requests/" + pending + "/approve", Map.of()).status())
                .as("the counter's role may not approve").isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = counts("warehouse=" + warehouse + "&sku=" + sku + "&status=PENDING");
            assertThat(list.path("totalItems").asInt()).isEqualTo(1);
            JsonNode row = list.path("items").get(0);
            assertThat(row.path("countId").asText()).isEqualTo(pending);
            assertThat(row.path("bookQuantity").asInt()).isEqualTo(39);
            assertThat(row.path("variance").asInt()).isEqualTo(-9);
            assertThat(row.path("withinTolerance").asBoolean()).isFalse();
            assertThat(row.path("varianceValue").decimalValue()).isEqualByComparingTo("-90");
            assertThat(row.path("countedBy").asText()).isEqualTo("warehouse");
        });

        Http.Response approved = post(FINANCE, "/adjustment-requests/" + pending + "/approve",
                Map.of("note", "recount confirmed"));
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPLIED");
        assertThat(approved.body().path("level").path("onHand").asInt()).isEqualTo(30);
        assertThat(post(FINANCE, "/adjustment-requests/" + pending + "/approve", Map.of()).code())
                .isEqualTo("COUNT_NOT_PENDING");

        Http.Response own = count(ADMIN, 25);
        assertThat(own.body().path("status").asText()).isEqualTo("PENDING");
        String ownId = own.body().path("countId").asText();
        Http.Response self = post(ADMIN, "/adjustment-requests/" + ownId + "/approve", Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("SELF_APPROVAL_NOT_ALLOWED");
        Http.Response rejected = post(FINANCE, "/adjustment-requests/" + ownId + "/reject",
                Map.of("reason", "wrong bin counted"));
        assertThat(rejected.status()).as(rejected.raw().body()).isEqualTo(200);
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("level").path("onHand").asInt()).isEqualTo(30);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stockRow(channel, sku).path("onHand").asInt()).isEqualTo(30);
            JsonNode all = counts("sku=" + sku);
            assertThat(all.path("totalItems").asInt()).isEqualTo(3);
            assertThat(all.path("items")).extracting(c -> c.path("status").asText())
                    .containsExactlyInAnyOrder("APPLIED", "APPLIED", "REJECTED");
            JsonNode decided = counts("sku=" + sku + "&status=REJECTED").path("items").get(0);
            assertThat(decided.path("decidedBy").asText()).isEqualTo("finance");
            assertThat(decided.path("decisionNote").asText()).isEqualTo("wrong bin counted");
        });
    }

    @Test
    void anApprovalThatWouldLeaveReservedUnitsUncoveredIsRefusedAndTheCountStaysPending() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 30, "1.00");
        base = "/api/stock/" + warehouse + "/" + sku;
        assertThat(merchant.placeOrder(channel, line(sku, 28)).status()).isEqualTo(201);

        Http.Response shortfall = count(WAREHOUSE, 26);
        assertThat(shortfall.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(shortfall.body().path("approvalReasons")).extracting(JsonNode::asText)
                .containsExactly("BEYOND_TOLERANCE", "BELOW_RESERVED");
        String countId = shortfall.body().path("countId").asText();

        Http.Response refused = post(ADMIN, "/adjustment-requests/" + countId + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("ADJUSTMENT_BELOW_RESERVED");
        assertThat(count(WAREHOUSE, 26).code()).isEqualTo("COUNT_PENDING");
        assertThat(post(ADMIN, "/adjustment-requests/" + countId + "/reject", Map.of("reason", "recount")).status())
                .isEqualTo(200);

        Http.Response within = count(WAREHOUSE, 29);
        assertThat(within.body().path("status").asText()).as("1 unit short, 28 reserved: still covered")
                .isEqualTo("APPLIED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = stockRow(channel, sku);
            assertThat(row.path("onHand").asInt()).isEqualTo(29);
            assertThat(row.path("reserved").asInt()).isEqualTo(28);
            assertThat(counts("warehouse=" + warehouse + "&status=REJECTED").path("totalItems").asInt()).isEqualTo(1);
        });
    }
}
