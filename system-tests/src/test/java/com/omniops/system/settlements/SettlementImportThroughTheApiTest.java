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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settlement reports imported through the command API and read back through the query API (docs/settlements.md):
 * every row kept with its match state, a repeated import changing nothing, a malformed file refused whole with the
 * line and column, a row naming a later order matched when the order arrives.
 */
class SettlementImportThroughTheApiTest {

    private static final TestMerchant MERCHANT = new TestMerchant();
    private static String channel;
    private static String sku;
    private static String order;
    private static String orderRef;

    @BeforeAll
    static void aChannelWithAnOrder() {
        String warehouse = MERCHANT.id("WH");
        channel = MERCHANT.channel(List.of(warehouse), "PRIORITY", false, 0);
        sku = MERCHANT.product(channel);
        MERCHANT.receive(warehouse, sku, 50, "2.00");
        orderRef = MERCHANT.id("302-" + UUID.randomUUID());
        order = place(orderRef);
    }

    private static String place(String ref) {
        Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders",
                TestMerchant.order(channel, ref, TestMerchant.line(sku, 1)));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    /** A V2 report: the header, the summary line, then one line per row (column name → value). */
    private static byte[] report(String settlementId, String total, List<Map<String, String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", MarketplaceSettlementFile.COLUMNS));
        lines.add(line(Map.of("settlement-id", settlementId, "settlement-start-date", "01.11.2026 00:00:00 UTC",
                "settlement-end-date", "15.11.2026 00:00:00 UTC", "deposit-date", "17.11.2026 07:00:00 UTC",
                "total-amount", total, "currency", "EUR")));
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

    private static Map<String, String> amount(String transaction, String ref, String type, String description,
                                              String amount) {
        Map<String, String> row = new HashMap<>(Map.of("transaction-type", transaction, "amount-type", type,
                "amount-description", description, "amount", amount, "posted-date", "03.11.2026"));
        if (ref != null) {
            row.put("order-id", ref);
        }
        return row;
    }

    private static Http.Response importReport(byte[] file) {
        return Http.as("finance").uploadAs(TestApps.commandUrl() + "/api/settlements/marketplace-reports?channelId="
                + channel, "settlement.txt", file);
    }

    private static JsonNode finance(String path) {
        Http.Response response = Http.as("finance").getAs(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode importedSettlement(String settlementId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Response r = Http.as("finance").getAs(TestApps.queryUrl() + "/api/settlements/" + settlementId);
            return r.status() == 200 && r.body().path("status").asText().equals("IMPORTED");
        });
        return finance("/api/settlements/" + settlementId);
    }

    @Test
    void everyRowIsKeptWithWhatItWasMatchedTo() {
        String id = "S" + UUID.randomUUID().toString().substring(0, 8);
        String unknownRef = MERCHANT.id("302-LATER-" + UUID.randomUUID());
        byte[] file = report(id, "97,74", List.of(
                amount("Order", orderRef, "ItemPrice", "Principal", "119,40"),
                amount("Order", orderRef, "ItemPrice", "Tax", "3,80"),
                amount("Order", orderRef, "ItemPrice", "Shipping", "4,95"),
                amount("Order", orderRef, "ItemFees", "Commission", "-17,91"),
                amount("Order", unknownRef, "ItemPrice", "Principal", "10,00"),
                amount("other-transaction", null, "other-transaction", "Storage Fee", "-5,00"),
                amount("Chargeback Refund", null, "Chargeback", "Goodwill", "2,50"),
                amount("other-transaction", null, "Previous Reserve Amount Balance", "Current Reserve Amount",
                        "-20,00")));

        Http.Response imported = importReport(file);

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        String settlementId = channel + "~" + id;
        assertThat(imported.body().path("settlementId").asText()).isEqualTo(settlementId);
        assertThat(imported.body().path("rowCount").asLong()).isEqualTo(8);
        assertThat(imported.body().path("total").decimalValue()).isEqualByComparingTo("97.74");
        assertThat(imported.body().path("exception").asBoolean()).isFalse();
        assertThat(imported.body().path("alreadyImported").asBoolean()).isFalse();

        JsonNode settlement = importedSettlement(settlementId);
        assertThat(settlement.path("rowsRecorded").asLong()).isEqualTo(8);
        assertThat(settlement.path("rowsTotal").decimalValue()).isEqualByComparingTo("97.74");
        assertThat(settlement.path("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(settlement.path("importedBy").asText()).isEqualTo("finance");
        JsonNode states = settlement.path("rowsByMatchState");
        assertThat(states.path("MATCHED").asLong()).isEqualTo(4);
        assertThat(states.path("UNKNOWN_ORDER").asLong()).isEqualTo(1);
        assertThat(states.path("ACCOUNT").asLong()).isEqualTo(2);
        assertThat(states.path("SUSPENSE").asLong()).isEqualTo(1);
        assertThat(settlement.path("unmatchedRows").asLong()).isEqualTo(2);
        assertThat(settlement.path("totalsByKind").path("PRINCIPAL").decimalValue()).isEqualByComparingTo("129.40");
        assertThat(settlement.path("totalsByKind").path("COMMISSION").decimalValue())
                .isEqualByComparingTo("-17.91");
        assertThat(settlement.path("totalsByKind").path("RESERVE").decimalValue()).isEqualByComparingTo("-20.00");

        JsonNode matched = finance("/api/settlements/" + settlementId + "/rows?matchState=MATCHED");
        assertThat(matched.path("items")).hasSize(4).allSatisfy(row ->
                assertThat(row.path("orderId").asText()).isEqualTo(order));
        assertThat(matched.path("items").get(0).path("line").asLong()).isEqualTo(3);

        JsonNode unmatched = finance("/api/settlements/unmatched-rows?channelId=" + channel);
        assertThat(unmatched.path("items")).extracting(r -> r.path("line").asLong()).containsExactly(7L, 9L);
        String csv = Http.as("finance").getAs(TestApps.queryUrl()
                + "/api/settlements/unmatched-rows/export?channelId=" + channel).raw().body();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains(unknownRef).contains("SUSPENSE").contains("Chargeback / Goodwill");

        // The order the row named arrives later: the row is matched then.
        String later = place(unknownRef);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                finance("/api/settlements/unmatched-rows?channelId=" + channel).path("items"))
                .extracting(r -> r.path("line").asLong()).containsExactly(9L));
        assertThat(finance("/api/settlements/" + settlementId + "/rows?matchState=MATCHED").path("items"))
                .extracting(r -> r.path("orderId").asText()).contains(later);

        // The same file again changes nothing; another file with the same settlement id is refused.
        Http.Response again = importReport(file);
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.body().path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.body().path("rowCount").asLong()).isEqualTo(8);
        Http.Response other = importReport(report(id, "1,00", List.of(amount("Order", orderRef, "ItemPrice",
                "Principal", "1,00"))));
        assertThat(other.status()).as(other.raw().body()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("SETTLEMENT_ID_CONFLICT");
        assertThat(finance("/api/settlements/" + settlementId).path("rowsRecorded").asLong()).isEqualTo(8);
    }

    @Test
    void rowsThatDoNotAddUpToTheTotalAreImportedAsAnException() {
        String id = "X" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response imported = importReport(report(id, "100.00", List.of(
                amount("Order", orderRef, "ItemPrice", "Principal", "95.00"))));

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        assertThat(imported.body().path("exception").asBoolean()).isTrue();
        JsonNode settlement = importedSettlement(channel + "~" + id);
        assertThat(settlement.path("exception").asBoolean()).isTrue();
        assertThat(settlement.path("difference").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(finance("/api/settlements?channelId=" + channel + "&exception=true").path("items"))
                .extracting(s -> s.path("settlementId").asText()).contains(channel + "~" + id);
    }

    @Test
    void aMalformedLineRefusesTheWholeFileWithItsLineAndColumn() {
        String id = "M" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(amount("Order", orderRef, "ItemPrice", "Principal", "1,00"));
        }
        // first row, a middle row, the last row
        assertRefused(id, rows, 0, "amount", "12,3,4", 3);
        assertRefused(id, rows, 2, "posted-date", "31.02.2026", 5);
        byte[] file = report(id, "5,00", rows);
        String text = new String(file, StandardCharsets.UTF_8);
        text = text.substring(0, text.length() - 1) + "\textra\n"; // the last line one column too long
        Http.Response refused = importReport(text.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.body().path("line").asLong()).isEqualTo(7);
        assertThat(refused.body().has("column")).isFalse();
        assertThat(refused.body().path("reason").asText()).contains("24 columns, the header 23");

        // Nothing of it was recorded: the id is still free for the corrected file.
        Http.Response corrected = importReport(report(id, "5,00", rows));
        assertThat(corrected.status()).as(corrected.raw().body()).isEqualTo(201);
        assertThat(importedSettlement(channel + "~" + id).path("rowCount").asLong()).isEqualTo(5);
    }

    private static void assertRefused(String id, List<Map<String, String>> rows, int index, String column,
                                      String value, long line) {
        List<Map<String, String>> broken = new ArrayList<>(rows);
        Map<String, String> row = new HashMap<>(rows.get(index));
        row.put(column, value);
        broken.set(index, row);
        Http.Response refused = importReport(report(id, "5,00", broken));
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("SETTLEMENT_FILE_MALFORMED");
        assertThat(refused.body().path("line").asLong()).isEqualTo(line);
        assertThat(refused.body().path("column").asText()).isEqualTo(column);
        assertThat(refused.body().path("reason").asText()).contains(value);
    }

    @Test
    void aPayoutReportMatchesChargesByThePaymentReference() {
        String ref = MERCHANT.id("W-" + UUID.randomUUID());
        String paid = place(ref);
        Http.Response payment = Http.post(TestApps.commandUrl() + "/api/orders/" + paid + "/payments",
                Map.of("amount", new BigDecimal("28.65"), "currency", "EUR", "provider", "ADYEN",
                        "reference", "PSP-" + ref));
        assertThat(payment.status()).as(payment.raw().body()).isEqualTo(201);
        String payout = "po_" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,type,payout_id,order_reference,gross,fee,net,currency,available_on\n"
                + "txn_1,charge," + payout + ",PSP-" + ref + ",28.65,1.00,27.65,EUR,2026-11-10\n"
                + "txn_2,adjustment," + payout + ",,-3.00,0.00,-3.00,EUR,2026-11-11\n"
                + payout + ",payout," + payout + ",,-24.65,0.00,-24.65,EUR,2026-11-14\n";

        Http.Response imported = Http.as("finance").uploadAs(TestApps.commandUrl()
                + "/api/settlements/payout-reports?channelId=" + channel, "payout.csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        assertThat(imported.body().path("rowCount").asLong()).isEqualTo(3);      // gross, fee, adjustment
        assertThat(imported.body().path("total").decimalValue()).isEqualByComparingTo("24.65");
        assertThat(imported.body().path("exception").asBoolean()).isFalse();
        String settlementId = channel + "~" + payout;
        JsonNode settlement = importedSettlement(settlementId);
        assertThat(settlement.path("source").asText()).isEqualTo("PAYOUT_REPORT");
        assertThat(settlement.path("totalsByKind").path("PAYMENT_FEE").decimalValue()).isEqualByComparingTo("-1.00");
        assertThat(finance("/api/settlements/" + settlementId + "/rows?matchState=MATCHED").path("items"))
                .hasSize(2).allSatisfy(r -> assertThat(r.path("orderId").asText()).isEqualTo(paid));
        assertThat(finance("/api/settlements/" + settlementId + "/rows?matchState=SUSPENSE").path("items"))
                .hasSize(1);
    }

    @Test
    void onlyFinanceOrTheChannelsOwnIntegrationMayImport() {
        byte[] file = report("P" + UUID.randomUUID().toString().substring(0, 8), "1,00",
                List.of(amount("Order", orderRef, "ItemPrice", "Principal", "1,00")));
        String url = TestApps.commandUrl() + "/api/settlements/marketplace-reports?channelId=" + channel;

        assertThat(Http.as("sales").uploadAs(url, "s.txt", file).status()).isEqualTo(403);
        Http.Response otherChannel = Http.as("amazon-connector").uploadAs(url, "s.txt", file);
        assertThat(otherChannel.status()).isEqualTo(403);
        assertThat(otherChannel.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(Http.anonymous().uploadAs(url, "s.txt", file).status()).isEqualTo(401);

        Http.Response badChannel = Http.as("finance").uploadAs(TestApps.commandUrl()
                + "/api/settlements/marketplace-reports?channelId=no%20such", "s.txt", file);
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body().path("errors").get(0).path("field").asText()).isEqualTo("channelId");
        Http.Response unknown = Http.as("finance").uploadAs(TestApps.commandUrl()
                + "/api/settlements/marketplace-reports?channelId=NO-SUCH-CHANNEL", "s.txt", file);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CHANNEL_NOT_FOUND");
        Http.Response empty = Http.as("finance").uploadAs(url, "s.txt", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.code()).isEqualTo("SETTLEMENT_FILE_MALFORMED");
    }

    /**
     * The books of one marketplace order and its settlement, by hand: paid 28.65 through the marketplace (1210 debited),
     * a commission estimate of 3.00 (6100 / 1210); the settlement states the 28.65 and a commission of 3.50, so it
     * replaces the estimate (the order's fees become 3.50) and deposits 25.15: 1210 nets to 0 for them.
     */
    @Test
    void theBooksTakeTheSettlementAndItsFeesReplaceTheOrdersEstimate() {
        String ref = MERCHANT.id("302-BOOKS-" + UUID.randomUUID());
        String paid = place(ref);
        String orders = TestApps.commandUrl() + "/api/orders/" + paid;
        assertThat(Http.post(orders + "/payments", Map.of("amount", new BigDecimal("28.65"), "currency", "EUR",
                "provider", "AMAZON-PAY", "reference", "AMZ-" + ref)).status()).isEqualTo(201);
        assertThat(Http.post(orders + "/fees", Map.of("type", "MARKETPLACE_COMMISSION", "amount",
                new BigDecimal("3.00"), "currency", "EUR")).status()).isEqualTo(201);
        String id = "B" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response imported = importReport(report(id, "25,15", List.of(
                amount("Order", ref, "ItemPrice", "Principal", "19,90"),
                amount("Order", ref, "ItemPrice", "Tax", "3,80"),
                amount("Order", ref, "ItemPrice", "Shipping", "4,95"),
                amount("Order", ref, "ItemFees", "Commission", "-3,50"))));
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
        String stream = "settlement~" + channel + "~" + id;

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.as("finance").getAs(TestApps.queryUrl()
                + "/api/ledger/journal?aggregateId=" + stream).body().path("totalItems").asLong() > 0);
        Map<String, BigDecimal> settlement = balances("/api/ledger/journal?aggregateId=" + stream + "&size=200");
        Map<String, BigDecimal> order = balances("/api/ledger/journal?orderId=" + paid + "&size=200");

        assertThat(settlement.get("1010")).isEqualByComparingTo("25.15");             // the deposit
        assertThat(settlement.get("6100")).isEqualByComparingTo("0.50");              // 3.50 settled − 3.00 estimate
        assertThat(order.get("6100")).isEqualByComparingTo("3.50");
        assertThat(order.get("1210")).isEqualByComparingTo("25.15");                  // 28.65 − 3.50, what is due
        assertThat(order.get("1210").add(settlement.get("1210").subtract(settlementOrderLines(stream, paid))))
                .isEqualByComparingTo("0");                                          // … and the deposit took it
        assertThat(settlement.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        JsonNode margin = finance("/api/margins?groupBy=ORDER&orderId=" + paid).path("items").get(0).path("margin");
        assertThat(margin.path("fees").decimalValue()).isEqualByComparingTo("3.50");
    }

    private static Map<String, BigDecimal> balances(String path) {
        Map<String, BigDecimal> balances = new HashMap<>();
        finance(path).path("items").forEach(line -> balances.merge(line.path("accountCode").asText(),
                line.path("debit").decimalValue().subtract(line.path("credit").decimalValue()), BigDecimal::add));
        return balances;
    }

    /** The settlement entry's 1210 lines that belong to the order (counted in the order's balances already). */
    private static BigDecimal settlementOrderLines(String stream, String orderId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : finance("/api/ledger/journal?aggregateId=" + stream + "&orderId=" + orderId
                + "&account=1210&size=200").path("items")) {
            sum = sum.add(line.path("debit").decimalValue().subtract(line.path("credit").decimalValue()));
        }
        return sum;
    }
}
