package com.omniops.system.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import com.omniops.system.support.TradeScenario;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The books of one trade ({@link TradeScenario}) through the ledger API, every figure computed by hand from the
 * scenario's own numbers. The SKU is the scenario's own, so its journal holds exactly the trade's stock postings:
 * <ul>
 * <li>north receives 20 at 2.00 on a purchase order: inventory +40.00, goods received not invoiced −40.00;</li>
 * <li>south receives 10 at 2.50 by a plain receipt (source OTHER): +25.00 against receipts to be matched;</li>
 * <li>6 shipped from north at 2.00: cost of goods sold +12.00;</li>
 * <li>3 returned to north (resale, quarantine, refurbishment: all still on hand) at 2.00: cost of goods sold −6.00;</li>
 * <li>2 transferred north → south at 2.00: in transit +4.00, then −4.00 when south receives them; south's average
 * becomes (25.00 + 4.00) / 12 = 2.41666… → 2.4167, and 12 × 2.4167 = 29.0004, so 0.0004 of rounding;</li>
 * <li>the count in the south finds the book quantity (no adjustment); 1 damaged at 2.4167.</li>
 * </ul>
 * Inventory: 40 + 25 − 12 + 6 − 4 + 4 + 0.0004 − 2.4167 = 56.5837 = north 15 × 2.00 + south 11 × 2.4167.
 * <p>
 * The paid order (a net channel: prices without tax): 6 × 19.90 = 119.40 net, 3.80 tax added, 4.95 shipping, so
 * 128.15 in all; paid 10.00 before shipment (a deposit), a 0.30 card fee, all 6 shipped (revenue 119.40, VAT 3.80,
 * shipping 4.95, a receivable of 128.15 of which the 10.00 deposit settles 10.00), and a goodwill refund of 5.00: no
 * deposit is left, so it reverses revenue, with VAT 5.00 × 3.80 / 123.20 = 0.154… → 0.15 and 4.85 of sales returns.
 */
class LedgerThroughTheApiTest {

    private static IsolatedApps apps;
    private static TradeScenario trade;

    @BeforeAll
    static void trade() {
        apps = IsolatedApps.get();
        trade = TradeScenario.run(apps);
        awaitLedgerCaughtUp();
    }

    private static void awaitLedgerCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode p = Http.get(apps.queryUrl() + "/api/admin/processors/ledger").body();
            return !p.get("replaying").asBoolean() && p.get("lag").asLong() == 0;
        });
    }

    private static JsonNode check(String name) {
        for (JsonNode check : finance("/api/ledger/checks").get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }

    @Test
    void theTradesStockPostingsAreTheHandComputedOnes() {
        JsonNode journal = finance("/api/ledger/journal?sku=" + trade.sku() + "&size=200");
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode line : journal.get("items")) {
            balances.merge(line.get("accountCode").asText(), line.get("debit").decimalValue()
                    .subtract(line.get("credit").decimalValue()), BigDecimal::add);
        }

        assertThat(balances).hasSize(9);
        assertThat(balances.get("1300")).isEqualByComparingTo("56.5837");
        assertThat(balances.get("2150")).isEqualByComparingTo("-40.00");
        assertThat(balances.get("2190")).isEqualByComparingTo("-25.00");
        assertThat(balances.get("5000")).isEqualByComparingTo("6.00");
        assertThat(balances.get("1350")).isEqualByComparingTo("0");
        assertThat(balances.get("5090")).isEqualByComparingTo("-0.0004");
        assertThat(balances.get("5410")).isEqualByComparingTo("2.4167");
        // the shipment's revenue and VAT lines are about the SKU too
        assertThat(balances.get("4000")).isEqualByComparingTo("-119.40");
        assertThat(balances.get("2410")).isEqualByComparingTo("-3.80");
        // the stock postings balance on their own; the shipment's other lines are about no SKU
        assertThat(balances.entrySet().stream().filter(b -> !List.of("4000", "2410").contains(b.getKey()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        // receipts 2, issue 1, returns 3, transfer out 1 and in 1, damage 1: 9 entries of 2 lines, but the transfer's
        // receipt has 4 (its rounding); and the shipment's revenue and VAT lines
        assertThat(journal.get("totalItems").asLong()).isEqualTo(2 + 2 + 2 + 3 * 2 + 2 + 4 + 2 + 2);
    }

    @Test
    void theOrderEarnsRevenueAtShipmentWhereItsDepositIsUsedAndItsRefundReversesIt() {
        JsonNode journal = finance("/api/ledger/journal?orderId=" + trade.paidOrder() + "&size=200");
        Map<String, BigDecimal> balances = new HashMap<>();
        journal.get("items").forEach(line -> balances.merge(line.get("accountCode").asText(),
                line.get("debit").decimalValue().subtract(line.get("credit").decimalValue()), BigDecimal::add));

        assertThat(balances.get("2300")).isEqualByComparingTo("0");          // 10.00 in, used at shipment
        assertThat(balances.get("1100")).isEqualByComparingTo("118.15");     // 128.15 − 10.00, still owed
        assertThat(balances.get("1150")).isEqualByComparingTo("4.70");       // 10.00 − 0.30 fee − 5.00 refund
        assertThat(balances.get("6110")).isEqualByComparingTo("0.30");
        assertThat(balances.get("4000")).isEqualByComparingTo("-119.40");
        assertThat(balances.get("2410")).isEqualByComparingTo("-3.65");      // 3.80 − 0.15
        assertThat(balances.get("4200")).isEqualByComparingTo("-4.95");
        assertThat(balances.get("4100")).isEqualByComparingTo("4.85");
        assertThat(balances.get("5000")).isEqualByComparingTo("6.00");       // 6 shipped at 2.00, 3 back at 2.00
        assertThat(balances.get("1300")).isEqualByComparingTo("-6.00");
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");

        // The order's own events (payment, fee, shipment, refund; not its stock items'), by source aggregate.
        JsonNode own = finance("/api/ledger/journal?aggregateId=" + trade.paidOrder() + "&size=200");
        assertThat(own.get("items")).isNotEmpty().allSatisfy(line -> assertThat(line.get("source")
                .get("aggregateId").asText()).isEqualTo(trade.paidOrder()));
        assertThat(own.get("totalItems").asLong()).isLessThan(journal.get("totalItems").asLong());

        // The same lines as the order's margin.
        JsonNode margin = finance("/api/margins?groupBy=ORDER&orderId=" + trade.paidOrder()).get("items").get(0)
                .get("margin");
        assertThat(margin.get("grossRevenue").decimalValue()).isEqualByComparingTo("119.40");
        assertThat(margin.get("refunds").decimalValue()).isEqualByComparingTo("4.85");
        assertThat(margin.get("netSales").decimalValue()).isEqualByComparingTo("114.55");
        assertThat(margin.get("costOfGoodsSold").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(margin.get("grossMargin").decimalValue()).isEqualByComparingTo("108.55");
        assertThat(margin.get("shippingCharged").decimalValue()).isEqualByComparingTo("4.95");
        assertThat(margin.get("fees").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(margin.get("contributionMargin").decimalValue()).isEqualByComparingTo("113.20");
        assertThat(margin.get("grossMarginPercent").decimalValue()).isEqualByComparingTo("94.76");
        assertThat(margin.get("contributionMarginPercent").decimalValue()).isEqualByComparingTo("94.73");

        Http.Response export = Http.as("viewer").getAs(apps.queryUrl() + "/api/margins/export?groupBy=ORDER&orderId="
                + trade.paidOrder());
        assertThat(export.status()).isEqualTo(200);
        List<String> rows = export.raw().body().lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("key,grossRevenue,discounts,netRevenue,refunds,netSales,");
        String[] row = rows.get(1).split(",");
        assertThat(row[0]).isEqualTo(trade.paidOrder());
        assertThat(new BigDecimal(row[13])).isEqualByComparingTo("113.20");
    }

    @Test
    void marginByChannelForAMonthIsThatMonthsIncomeStatementByChannel() {
        String month = finance("/api/ledger/journal?orderId=" + trade.paidOrder() + "&account=4000").get("items")
                .get(0).get("businessDate").asText().substring(0, 7);
        java.time.YearMonth yearMonth = java.time.YearMonth.parse(month);
        JsonNode statement = finance("/api/ledger/income-statement?month=" + month);
        JsonNode channels = finance("/api/margins?groupBy=CHANNEL&from=" + yearMonth.atDay(1) + "&to="
                + yearMonth.atEndOfMonth() + "&size=200");
        assertThat(channels.get("items")).isNotEmpty();
        for (JsonNode row : channels.get("items")) {
            assertThat(statement.get("netIncomeByChannel").get(row.get("key").asText()).decimalValue())
                    .as(row.get("key").asText())
                    .isEqualByComparingTo(row.get("margin").get("contributionMargin").decimalValue());
        }
        assertThat(statement.get("netIncomeByChannel").get(trade.channel()).decimalValue())
                .isEqualByComparingTo("113.20");
        // by channel the margins read the lines' daily totals per channel; by order the lines: the same figures
        JsonNode byOrder = finance("/api/margins?groupBy=ORDER&channel=" + trade.channel() + "&from="
                + yearMonth.atDay(1) + "&to=" + yearMonth.atEndOfMonth() + "&size=200").get("total");
        JsonNode channelRow = finance("/api/margins?groupBy=CHANNEL&channel=" + trade.channel() + "&from="
                + yearMonth.atDay(1) + "&to=" + yearMonth.atEndOfMonth()).get("items").get(0).get("margin");
        for (String figure : List.of("netSales", "costOfGoodsSold", "grossMargin", "fees", "contributionMargin")) {
            assertThat(channelRow.get(figure).decimalValue()).as(figure)
                    .isEqualByComparingTo(byOrder.get(figure).decimalValue());
        }
        // revenue − expenses over every column, the channels' and the no-order one
        BigDecimal columns = BigDecimal.ZERO;
        for (JsonNode value : statement.get("netIncomeByChannel")) {
            columns = columns.add(value.decimalValue());
        }
        assertThat(columns).isEqualByComparingTo(statement.get("netIncome").decimalValue());

        JsonNode sheet = finance("/api/ledger/balance-sheet?asOf=2100-12-31");
        assertThat(sheet.get("balanced").asBoolean()).as(sheet.toString()).isTrue();
        assertThat(sheet.get("totalAssets").decimalValue()).isPositive();

        JsonNode tax = finance("/api/ledger/tax-summary?from=" + yearMonth.atDay(1) + "&to="
                + yearMonth.atEndOfMonth());
        JsonNode standard = tax.get("categories").get(0);
        assertThat(standard.get("taxCategories").asText()).isEqualTo("STANDARD");
        assertThat(standard.get("collected").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("3.80"));
        assertThat(standard.get("payable").decimalValue()).isEqualByComparingTo(
                standard.get("collected").decimalValue().subtract(standard.get("refunded").decimalValue()));
    }

    @Test
    void theJournalExportsAsCsvWithTheSameFiltersOldestFirst() {
        Http.Response export = Http.as("finance").getAs(apps.queryUrl() + "/api/ledger/journal/export?sku="
                + trade.sku());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<String> rows = export.raw().body().lines().toList();
        assertThat(rows.getFirst()).startsWith("entryId,lineNo,businessDate,accountCode,accountName,debit,credit,");
        assertThat(rows).hasSize(1 + 22);
        // oldest first: the purchase order's receipt, inventory debited 40.00 against goods received not invoiced
        assertThat(rows.get(1).split(",")).satisfies(first -> {
            assertThat(first[3]).isEqualTo("1300");
            assertThat(new BigDecimal(first[5])).isEqualByComparingTo("40.00");
        });
        assertThat(rows.get(2).split(",")[3]).isEqualTo("2150");
        assertInvalid("/api/ledger/journal/export?account=9999", "account");
    }

    @Test
    void everyCheckHoldsOnTheLiveBooksAndTheTrialBalanceBalances() {
        JsonNode checks = finance("/api/ledger/checks");
        assertThat(checks.get("checks")).extracting(c -> c.get("name").asText()).containsExactly(
                "ENTRIES_BALANCED", "TRIAL_BALANCE_BALANCED", "DAILY_TOTALS_MATCH_LINES",
                "MARGIN_DAILY_TOTALS_MATCH_LINES", "INVENTORY_EQUALS_STOCK_VALUE", "IN_TRANSIT_EQUALS_OPEN_TRANSFERS", "RECEIVABLES_EQUAL_OPEN_ORDERS",
                "DEPOSITS_EQUAL_UNSHIPPED_PAYMENTS", "NO_DEAD_LETTERS");
        assertThat(checks.get("checks")).allSatisfy(c -> assertThat(c.get("ok").asBoolean()).as(c.toString())
                .isTrue());
        assertThat(checks.get("ok").asBoolean()).isTrue();

        JsonNode trial = finance("/api/ledger/trial-balance?asOf=2100-12-31");
        assertThat(trial.get("balanced").asBoolean()).isTrue();
        assertThat(trial.get("totalDebit").decimalValue()).isPositive()
                .isEqualByComparingTo(trial.get("totalCredit").decimalValue());
        assertThat(trial.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void unitsOnTheirWayAreInTransitAtTheCostTheyLeftWithUntilReceived() {
        // a SKU of its own, so the trade's figures above stay as computed
        TestMerchant merchant = apps.merchant();
        String sku = merchant.product(trade.channel());
        merchant.receive(trade.north(), sku, 3, "1.50");
        JsonNode transfer = Http.post(apps.commandUrl() + "/api/transfers", Map.of("fromWarehouseId", trade.north(),
                "toWarehouseId", trade.south(), "lines", List.of(Map.of("sku", sku, "quantity", 2)))).body();
        String transferId = transfer.path("transferId").asText();
        assertThat(Http.post(apps.commandUrl() + "/api/transfers/" + transferId + "/ship", Map.of()).status())
                .isEqualTo(200);
        awaitLedgerCaughtUp();

        JsonNode inTransit = finance("/api/ledger/journal?sku=" + sku + "&account=1350");
        assertThat(inTransit.get("items")).hasSize(1);
        assertThat(inTransit.get("items").get(0).get("debit").decimalValue()).isEqualByComparingTo("3.00");
        JsonNode check = check("IN_TRANSIT_EQUALS_OPEN_TRANSFERS");
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("expected").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("3.00"));

        assertThat(Http.post(apps.commandUrl() + "/api/transfers/" + transferId + "/receipts", Map.of()).status())
                .isEqualTo(201);
        awaitLedgerCaughtUp();
        JsonNode after = finance("/api/ledger/journal?sku=" + sku + "&account=1350");
        assertThat(after.get("items")).hasSize(2);
        assertThat(check("IN_TRANSIT_EQUALS_OPEN_TRANSFERS").get("ok").asBoolean()).isTrue();
    }

    @Test
    void anOrderInDollarsPostsAtTheConfiguredRateAndSaysSo() {
        // omniops-ledger.yml: USD 0.9200 from 2026-01-01. 2 × 19.90 + 3.80 tax (net channel) + 4.95 shipping = 48.55.
        TestMerchant merchant = apps.merchant();
        String channel = merchant.channel(List.of(trade.north()), "PRIORITY", false, 0, "USD", false);
        String sku = merchant.product(channel);
        merchant.receive(trade.north(), sku, 5, "2.00");
        Map<String, Object> order = TestMerchant.order(channel, merchant.id("USD-" + java.util.UUID.randomUUID()),
                TestMerchant.line(sku, 2));
        order.put("currency", "USD");
        Http.Response placed = Http.post(apps.commandUrl() + "/api/orders", order);
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        assertThat(Http.post(apps.commandUrl() + "/api/orders/" + orderId + "/payments", Map.of("amount",
                new BigDecimal("48.55"), "currency", "USD", "provider", "ADYEN", "reference", "PSP-" + orderId))
                .status()).isEqualTo(201);
        assertThat(Http.post(apps.commandUrl() + "/api/orders/" + orderId + "/shipments", Map.of("warehouseId",
                trade.north())).status()).isEqualTo(201);
        awaitLedgerCaughtUp();

        Map<String, BigDecimal> balances = new HashMap<>();
        String shipment = null;
        for (JsonNode line : finance("/api/ledger/journal?aggregateId=" + orderId + "&size=200").get("items")) {
            balances.merge(line.get("accountCode").asText(), line.get("debit").decimalValue()
                    .subtract(line.get("credit").decimalValue()), BigDecimal::add);
            if (line.get("source").get("eventType").asText().equals("OrderShipped")) {
                shipment = line.get("source").get("eventId").asText();
            }
        }
        assertThat(balances.get("1150")).isEqualByComparingTo("44.666");    // 48.55 × 0.92
        assertThat(balances.get("4000")).isEqualByComparingTo("-36.616");   // 39.80 × 0.92
        assertThat(balances.get("2410")).isEqualByComparingTo("-3.496");    // 3.80 × 0.92
        assertThat(balances.get("4200")).isEqualByComparingTo("-4.554");    // 4.95 × 0.92
        assertThat(balances.get("2300")).isEqualByComparingTo("0");
        assertThat(balances).doesNotContainKey("7900");                     // paid and shipped at one rate
        JsonNode entry = finance("/api/ledger/entries/" + shipment);
        assertThat(entry.get("currency").asText()).isEqualTo("EUR");
        assertThat(entry.get("originalCurrency").asText()).isEqualTo("USD");
        assertThat(entry.get("exchangeRate").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(check("RECEIVABLES_EQUAL_OPEN_ORDERS").get("ok").asBoolean()).isTrue();
        assertThat(check("DEPOSITS_EQUAL_UNSHIPPED_PAYMENTS").get("ok").asBoolean()).isTrue();
    }

    @Test
    void aLineDrillsDownToItsEntryAndToTheEventInTheAuditApi() {
        JsonNode line = finance("/api/ledger/journal?sku=" + trade.sku() + "&account=2150").get("items").get(0);
        JsonNode source = line.get("source");
        assertThat(source.get("eventType").asText()).isEqualTo("StockReceived");

        JsonNode entry = finance("/api/ledger/entries/" + source.get("eventId").asText());
        assertThat(entry.get("lines")).hasSize(2);
        assertThat(entry.get("reference").asText()).isEqualTo(trade.purchaseOrder());

        String audit = apps.queryUrl() + source.get("auditHref").asText();
        Http.Response asAuditor = Http.as("auditor").getAs(audit);
        assertThat(asAuditor.status()).isEqualTo(200);
        JsonNode event = asAuditor.body().get("items").get(0);
        assertThat(event.get("eventId").asText()).isEqualTo(source.get("eventId").asText());
        assertThat(event.get("globalIndex").asLong()).isEqualTo(source.get("globalIndex").asLong());
        // finance reads the books but not the raw events
        assertThat(Http.as("finance").getAs(audit).status()).isEqualTo(403);
    }

    @Test
    void badInputGetsAProblemNamingTheParameterAndOthersAreKeptOut() {
        assertInvalid("/api/ledger/journal?account=9999", "account");
        assertInvalid("/api/ledger/journal?size=201", "size");
        assertInvalid("/api/ledger/journal?from=1999-12-31", "from");
        assertInvalid("/api/ledger/journal?from=2026-02-01&to=2026-01-31", "from");
        assertInvalid("/api/ledger/trial-balance?asOf=yesterday", "asOf");

        Http.Response unknown = Http.as("finance").getAs(apps.queryUrl() + "/api/ledger/entries/no-such-event");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("JOURNAL_ENTRY_NOT_FOUND");
        assertInvalid("/api/ledger/income-statement?month=2026-13", "month");
        assertInvalid("/api/ledger/income-statement?month=1999-12", "month");
        assertInvalid("/api/ledger/tax-summary?from=2026-02-01&to=2026-01-31", "from");
        assertInvalid("/api/ledger/tax-summary?to=31.01.2026", "to");
        assertInvalid("/api/ledger/balance-sheet?asOf=2101-01-01", "asOf");
        assertInvalid("/api/margins?from=2026-13-01", "from");
        assertInvalid("/api/margins?groupBy=WEEK", "groupBy");
        assertInvalid("/api/margins?sort=PROFIT", "sort");
        assertInvalid("/api/margins?direction=up", "direction");
        assertInvalid("/api/margins?size=500", "size");
        assertInvalid("/api/margins/export?to=2101-01-01", "to");

        assertThat(Http.as("viewer").getAs(apps.queryUrl() + "/api/ledger/journal").status()).isEqualTo(403);
        assertThat(Http.as("viewer").getAs(apps.queryUrl() + "/api/ledger/income-statement").status())
                .isEqualTo(403);
        assertThat(Http.as("viewer").getAs(apps.queryUrl() + "/api/margins").status()).isEqualTo(200);
        assertThat(Http.as("warehouse").getAs(apps.queryUrl() + "/api/margins").status()).isEqualTo(403);
        assertThat(Http.as("auditor").getAs(apps.queryUrl() + "/api/ledger/accounts").status()).isEqualTo(200);
    }

    private static void assertInvalid(String path, String parameter) {
        Http.Response response = Http.as("finance").getAs(apps.queryUrl() + path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(response.body().path("parameter").asText()).as(path).isEqualTo(parameter);
    }

    private static JsonNode finance(String path) {
        Http.Response response = Http.as("finance").getAs(apps.queryUrl() + path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        return response.body();
    }
}
