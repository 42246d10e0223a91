package com.omniops.system.settlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.command.settlement.importing.MarketplaceSettlementFile;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of one settlement, every matched row and difference stated here (docs/settlements.md
 * "Differences"). A channel of its own with five orders of 28.65 each (19.90 + 3.80 tax + 4.95 shipping):
 * <ul>
 *   <li>A: paid, commission 3.00 recorded; settled 28.65 and a commission of 3.50: FEE_HIGHER_THAN_RECORDED, +0.50;</li>
 *   <li>B: paid; settled 28.65 and a refund of 10.00 nobody recorded: REFUND_SETTLED_NOT_RECORDED, sales −10.00;</li>
 *   <li>C: paid, commission 3.00 recorded; settled 28.65 and 3.00: no difference;</li>
 *   <li>D: paid, in no settlement: NOT_SETTLED (with a cut-off of 0 days);</li>
 *   <li>E: placed, not paid; a row of 5.00 names reference "E-typo": UNKNOWN_ORDER, matched by hand to E, which then
 *       settled 5.00 it never was paid: SALES_DIFFERENCE +5.00;</li>
 *   <li>a row no rule knows, +2.50: SUSPENSE.</li>
 * </ul>
 * Rows 25.15 + 18.65 + 25.65 + 5.00 + 2.50 = 76.95 = the total. Reconciled once the suspense row and the orders'
 * differences are accepted.
 */
class ReconciliationKnownAnswerTest {

    private static final TestMerchant MERCHANT = new TestMerchant();

    @Test
    void everyRowAndDifferenceIsTheOneComputedByHandAndTheSettlementReconcilesWhenAccepted() {
        String warehouse = MERCHANT.id("WH");
        String channel = MERCHANT.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = MERCHANT.product(channel);
        MERCHANT.receive(warehouse, sku, 20, "2.00");
        Map<String, String> ref = new HashMap<>();
        Map<String, String> order = new HashMap<>();
        for (String name : List.of("A", "B", "C", "D", "E")) {
            ref.put(name, MERCHANT.id(name + "-" + UUID.randomUUID()));
            Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders",
                    TestMerchant.order(channel, ref.get(name), TestMerchant.line(sku, 1)));
            assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
            order.put(name, placed.body().path("orderId").asText());
        }
        for (String name : List.of("A", "B", "C", "D")) {
            ok(order.get(name) + "/payments", Map.of("amount", new BigDecimal("28.65"), "currency", "EUR",
                    "provider", "AMAZON-PAY", "reference", "PAY-" + ref.get(name)));
        }
        for (String name : List.of("A", "C")) {
            ok(order.get(name) + "/fees", Map.of("type", "MARKETPLACE_COMMISSION", "amount",
                    new BigDecimal("3.00"), "currency", "EUR"));
        }
        String id = "R" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String name : List.of("A", "B", "C")) {
            rows.add(row("Order", ref.get(name), "ItemPrice", "Principal", "19.90"));
            rows.add(row("Order", ref.get(name), "ItemPrice", "Tax", "3.80"));
            rows.add(row("Order", ref.get(name), "ItemPrice", "Shipping", "4.95"));
        }
        rows.add(row("Order", ref.get("A"), "ItemFees", "Commission", "-3.50"));   // row 9
        rows.add(row("Refund", ref.get("B"), "ItemPrice", "Principal", "-10.00")); // row 10
        rows.add(row("Order", ref.get("C"), "ItemFees", "Commission", "-3.00"));   // row 11
        rows.add(row("Order", "E-typo", "ItemPrice", "Principal", "5.00"));         // row 12
        rows.add(row("Mystery", null, "Unheard", "Of", "2.50"));                    // row 13
        Http.Response imported = Http.as("finance").uploadAs(TestApps.commandUrl()
                + "/api/settlements/marketplace-reports?channelId=" + channel, "s.txt", report(id, "76.95", rows));
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        String settlementId = channel + "~" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.as("finance").getAs(TestApps.queryUrl()
                + "/api/settlements/" + settlementId).body().path("status").asText().equals("IMPORTED"));

        JsonNode settlement = finance("/api/settlements/" + settlementId);
        assertThat(settlement.path("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(settlement.path("rowsByMatchState").path("MATCHED").asLong()).isEqualTo(12);
        assertThat(settlement.path("unmatchedRows").asLong()).isEqualTo(2);              // rows 12 and 13
        assertThat(settlement.path("openOrderDifferences").asLong()).isEqualTo(2);       // A and B
        assertThat(settlement.path("reconciled").asBoolean()).isFalse();

        Map<String, JsonNode> differences = byOrder(finance("/api/settlements/differences?channelId=" + channel
                + "&unsettledAfterDays=0"));
        assertThat(differences.keySet()).containsExactlyInAnyOrder(order.get("A"), order.get("B"), order.get("D"));
        JsonNode a = differences.get(order.get("A"));
        assertThat(a.path("types")).extracting(JsonNode::asText).containsExactly("FEE_HIGHER_THAN_RECORDED");
        assertThat(a.path("feesRecorded").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(a.path("feesSettled").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(a.path("feeDifference").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(a.path("salesDifference").decimalValue()).isEqualByComparingTo("0");
        JsonNode b = differences.get(order.get("B"));
        assertThat(b.path("types")).extracting(JsonNode::asText).containsExactly("REFUND_SETTLED_NOT_RECORDED");
        assertThat(b.path("expectedSales").decimalValue()).isEqualByComparingTo("28.65");
        assertThat(b.path("settledSales").decimalValue()).isEqualByComparingTo("18.65");
        assertThat(b.path("salesDifference").decimalValue()).isEqualByComparingTo("-10.00");
        assertThat(b.path("refundsSettled").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(differences.get(order.get("D")).path("types")).extracting(JsonNode::asText)
                .containsExactly("NOT_SETTLED");
        // the default cut-off (14 days) leaves D out: it was paid today
        assertThat(byOrder(finance("/api/settlements/differences?channelId=" + channel)).keySet())
                .containsExactlyInAnyOrder(order.get("A"), order.get("B"));
        String csv = Http.as("finance").getAs(TestApps.queryUrl() + "/api/settlements/differences/export?channelId="
                + channel).raw().body();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains("REFUND_SETTLED_NOT_RECORDED").contains(order.get("A"));

        // Paid and not yet settled, by age: B (28.65 paid, 18.65 settled) and D (28.65, nothing settled), both paid today
        JsonNode unsettled = finance("/api/settlements/unsettled?channelId=" + channel);
        assertThat(unsettled).hasSize(1);
        assertThat(unsettled.get(0).path("ageDays").asText()).isEqualTo("0-7");
        assertThat(unsettled.get(0).path("orders").asLong()).isEqualTo(2);
        assertThat(unsettled.get(0).path("unsettled").decimalValue()).isEqualByComparingTo("38.65");

        // Finance matches the mistyped row to E, which makes E's own difference (+5.00 it was never paid)
        String match = TestApps.commandUrl() + "/api/settlements/" + settlementId + "/rows/12/match";
        Http.Response matched = Http.as("finance").postAs(match, Map.of("orderId", order.get("E"),
                "note", "marketplace mistyped the reference"));
        assertThat(matched.status()).as(matched.raw().body()).isEqualTo(200);
        assertThat(Http.as("finance").postAs(match, Map.of("orderId", order.get("E"))).code())
                .isEqualTo("SETTLEMENT_STATE_CONFLICT");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(byOrder(finance(
                "/api/settlements/differences?channelId=" + channel)).keySet())
                .containsExactlyInAnyOrder(order.get("A"), order.get("B"), order.get("E")));
        JsonNode e = byOrder(finance("/api/settlements/differences?channelId=" + channel)).get(order.get("E"));
        assertThat(e.path("types")).extracting(JsonNode::asText).containsExactly("SALES_DIFFERENCE");
        assertThat(e.path("salesDifference").decimalValue()).isEqualByComparingTo("5.00");
        JsonNode row12 = finance("/api/settlements/" + settlementId + "/rows?matchState=MATCHED&size=200")
                .path("items").get(12);
        assertThat(row12.path("rowNo").asLong()).isEqualTo(12);
        assertThat(row12.path("matchedBy").asText()).isEqualTo("finance");

        // ... and accepts what is left, with reasons
        String accept = TestApps.commandUrl() + "/api/settlements/" + settlementId + "/differences/accept";
        assertThat(Http.as("finance").postAs(accept, Map.of("rowNo", 13, "reason", "marketplace goodwill credit"))
                .status()).isEqualTo(200);
        for (String name : List.of("A", "B", "E")) {
            assertThat(Http.as("finance").postAs(accept, Map.of("orderId", order.get(name), "reason",
                    "checked against the marketplace's statement")).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> finance("/api/settlements/" + settlementId)
                .path("reconciled").asBoolean());
        JsonNode done = finance("/api/settlements/" + settlementId);
        assertThat(done.path("unmatchedRows").asLong()).isZero();
        assertThat(done.path("openOrderDifferences").asLong()).isZero();
        assertThat(byOrder(finance("/api/settlements/differences?channelId=" + channel))).isEmpty();
        assertThat(byOrder(finance("/api/settlements/differences?channelId=" + channel + "&includeAccepted=true"))
                .get(order.get("A")).path("accepted").path("reason").asText())
                .isEqualTo("checked against the marketplace's statement");

        // A new fee on A changes its difference: it is open again
        ok(order.get("A") + "/fees", Map.of("type", "OTHER", "amount", new BigDecimal("1.00"), "currency", "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !finance("/api/settlements/" + settlementId)
                .path("reconciled").asBoolean());

        // Refused: no such settlement, row or order, an order of another channel, no reason
        assertThat(Http.as("finance").postAs(TestApps.commandUrl() + "/api/settlements/" + channel
                + "~nope/rows/0/match", Map.of("orderId", order.get("E"))).code()).isEqualTo("SETTLEMENT_NOT_FOUND");
        assertThat(Http.as("finance").postAs(TestApps.commandUrl() + "/api/settlements/" + settlementId
                + "/rows/14/match", Map.of("orderId", order.get("E"))).code()).isEqualTo("SETTLEMENT_ROW_NOT_FOUND");
        assertThat(Http.as("finance").postAs(TestApps.commandUrl() + "/api/settlements/" + settlementId
                + "/rows/13/match", Map.of("orderId", "no-such-order")).code()).isEqualTo("ORDER_NOT_FOUND");
        Http.Response noReason = Http.as("finance").postAs(accept, Map.of("orderId", order.get("A")));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(Http.as("sales").postAs(accept, Map.of("reason", "x")).status()).isEqualTo(403);
    }

    private static void ok(String orderPath, Map<String, Object> body) {
        Http.Response response = Http.post(TestApps.commandUrl() + "/api/orders/" + orderPath, body);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
    }

    private static Map<String, JsonNode> byOrder(JsonNode page) {
        Map<String, JsonNode> byOrder = new HashMap<>();
        page.path("items").forEach(d -> byOrder.put(d.path("orderId").asText(), d));
        return byOrder;
    }

    private static JsonNode finance(String path) {
        Http.Response response = Http.as("finance").getAs(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, String> row(String transaction, String ref, String type, String description,
                                           String amount) {
        Map<String, String> row = new HashMap<>(Map.of("transaction-type", transaction, "amount-type", type,
                "amount-description", description, "amount", amount, "posted-date", "2026-11-03"));
        if (ref != null) {
            row.put("order-id", ref);
        }
        return row;
    }

    private static byte[] report(String settlementId, String total, List<Map<String, String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", MarketplaceSettlementFile.COLUMNS));
        lines.add(line(Map.of("settlement-id", settlementId, "settlement-start-date", "2026-11-01",
                "settlement-end-date", "2026-11-15", "deposit-date", "2026-11-17", "total-amount", total,
                "currency", "EUR")));
        for (Map<String, String> row : rows) {
            Map<String, String> values = new HashMap<>(row);
            values.put("settlement-id", settlementId);
            lines.add(line(values));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String line(Map<String, String> values) {
        return MarketplaceSettlementFile.COLUMNS.stream().map(c -> values.getOrDefault(c, ""))
                .collect(Collectors.joining("\t"));
    }
}
