package com.omniops.system.replenishment;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.StoredEvents;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders drain stock → the replenishment policy proposes a purchase order (once per shortage) → the proposal is
 * submitted and received → stock is back. The proposal is a command issued by a policy: it carries the system actor,
 * the triggering event as cause and the user who set it off.
 */
class ReplenishmentPolicyTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void aShortageIsProposedOnceAndTheProposalRestoresTheStock() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 20, "5.00");
        String supplierId = merchant.id("SUP");
        assertThat(Http.post(TestApps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplierId, "name", "S",
                "leadTimeMeanDays", 3, "currency", "EUR")).status()).isEqualTo(201);
        Http.Response rule = Http.as("purchasing").postAs(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku
                + "/reorder-rule", Map.of("supplierId", supplierId, "method", "MIN_MAX", "min", 10, "max", 40,
                "multiple", 6, "autoSubmit", true));
        assertThat(rule.status()).as(rule.raw().body()).isEqualTo(200);

        Http sales = Http.as("sales");
        assertThat(sales.postAs(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel, merchant.id("O1"),
                line(sku, 8))).status()).isEqualTo(201); // projected 12: above min
        Http.Response trigger = sales.postAs(TestApps.commandUrl() + "/api/orders",
                TestMerchant.order(channel, merchant.id("O2"), line(sku, 4))); // projected 8 ≤ 10
        assertThat(trigger.status()).isEqualTo(201);

        String proposal = "PO-R-" + warehouse + "-" + sku + "-1";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode po = Http.get(TestApps.queryUrl() + "/api/purchase-orders/" + proposal).body();
            assertThat(po.path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(po.path("origin").asText()).isEqualTo("REPLENISHMENT");
            assertThat(po.path("lines").get(0).path("ordered").asInt()).as("40 − 8 = 32 → 36").isEqualTo(36);
        });

        // The recommendation shows the same arithmetic: 20 on hand − 12 reserved + 36 incoming = 44 > min → nothing.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = Http.as("viewer").getAs(TestApps.queryUrl() + "/api/replenishment/recommendations?sku="
                    + sku).body().path("items");
            assertThat(items).isNotEmpty();
            JsonNode advice = items.get(0);
            assertThat(advice.path("incoming").asInt()).isEqualTo(36);
            assertThat(advice.path("position").asInt()).isEqualTo(44);
            assertThat(advice.path("rule").path("method").asText()).isEqualTo("MIN_MAX");
            assertThat(advice.path("numbers").path("orderQuantity").asInt()).isZero();
        });

        // More demand while the proposal is open: no second proposal for the same shortage.
        assertThat(sales.postAs(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("O3"), line(sku, 3))).status()).isEqualTo(201);
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT on_hand - reserved FROM replenishment_position WHERE stock_item_id = ?", Integer.class,
                warehouse + ":" + sku)).isEqualTo(5));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchase_order_registry WHERE supplier_id = ?",
                Integer.class, supplierId)).isEqualTo(1);

        // The proposal's events say who acted: the system, because of the reservation, set off by the sales user.
        JsonNode drafted = StoredEvents.metadataOf(proposal).get(0);
        assertThat(drafted.path("user").asText()).isEqualTo("system");
        assertThat(drafted.path("roles").asText()).isEqualTo("SYSTEM");
        assertThat(drafted.path("initiatedBy").asText()).isEqualTo("sales");
        assertThat(drafted.path("correlationId").asText()).isEqualTo(trigger.header("X-Correlation-Id"));
        String triggeringEvent = jdbc.queryForObject("SELECT eventIdentifier FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE '%StockReserved' ORDER BY sequenceNumber DESC "
                + "OFFSET 1 LIMIT 1", String.class, warehouse + ":" + sku);
        assertThat(drafted.path("triggeringEventId").asText()).as("the reservation that caused the shortage")
                .isEqualTo(triggeringEvent);
        assertThat(drafted.path("causationId").asText()).as("caused by the draft command").isNotBlank()
                .isNotEqualTo(triggeringEvent);

        Http.Response received = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/purchase-orders/"
                + proposal + "/receipts", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 36))));
        assertThat(received.body().path("purchaseOrder").path("status").asText()).isEqualTo("RECEIVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Http.get(TestApps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku)
                    .body().path("items").get(0);
            assertThat(row.path("availableToSell").asInt()).isEqualTo(5 + 36);
            assertThat(jdbc.queryForObject("SELECT open_proposal FROM replenishment_position WHERE stock_item_id = ?",
                    String.class, warehouse + ":" + sku)).as("the shortage is over").isNull();
        });
    }

    @Test
    void aServiceLevelRuleIsExplainedWithItsNumbers() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "5.00");
        String supplierId = merchant.id("SUP");
        assertThat(Http.post(TestApps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplierId, "name", "S",
                "leadTimeMeanDays", 4, "leadTimeStdDevDays", 1, "currency", "EUR")).status()).isEqualTo(201);
        assertThat(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/reorder-rule",
                Map.of("supplierId", supplierId, "method", "SERVICE_LEVEL", "serviceLevel", 0.95, "max", 20,
                        "multiple", 5)).status()).isEqualTo(200);

        // No shipments yet: d̄ = 0, σd = 0 → SS = 0, ROP = 0; position 10 > 0 → nothing to order.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = Http.get(TestApps.queryUrl() + "/api/replenishment/recommendations?warehouse="
                    + warehouse).body().path("items");
            assertThat(items).isNotEmpty();
            JsonNode advice = items.get(0);
            assertThat(advice.path("position").asInt()).isEqualTo(10);
            JsonNode numbers = advice.path("numbers");
            assertThat(numbers.path("z").decimalValue()).isEqualByComparingTo("1.6449");
            assertThat(numbers.path("leadTimeMeanDays").decimalValue()).isEqualByComparingTo("4");
            assertThat(numbers.path("reorderPoint").decimalValue()).isEqualByComparingTo("0");
            assertThat(numbers.path("effectiveMax").asInt()).isEqualTo(20);
            assertThat(numbers.path("orderQuantity").asInt()).isZero();
        });
        assertThat(Http.as("web-shop").getAs(TestApps.queryUrl() + "/api/replenishment/recommendations").status())
                .isEqualTo(403);
    }
}
