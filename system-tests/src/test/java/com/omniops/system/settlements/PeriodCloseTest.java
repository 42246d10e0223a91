package com.omniops.system.settlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.command.settlement.importing.MarketplaceSettlementFile;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * From an order to a closed month, through the REST APIs, on a database of its own (its only postings dated last
 * month are this test's settlements): an order paid through the marketplace with its commission, settled last month;
 * closing last month is refused
 * while a settlement deposited in it is not reconciled, allowed after; a posting dated in the closed month lands on
 * the first day of the next open one, flagged with its own date; days to close is the close instant − the month's end;
 * reopening needs an admin and a reason.
 */
class PeriodCloseTest {

    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    @Test
    void aMonthClosesWhenItsChecklistPassesAndLaterPostingsDatedInItGoToTheNextOpenMonth() {
        IsolatedApps apps = IsolatedApps.get();
        TestMerchant merchant = apps.merchant();
        String channel = merchant.channel(List.of("WH-P"), "PRIORITY", false, 0);
        String command = apps.commandUrl();
        String period = LAST_MONTH.toString();
        // an order paid through the marketplace with a commission recorded: 28.65, commission 4.30
        String sku = merchant.product(channel);
        merchant.receive("WH-P", sku, 5, "2.00");
        String ref = "302-" + UUID.randomUUID();
        Http.Response placed = Http.post(command + "/api/orders", TestMerchant.order(channel, ref,
                TestMerchant.line(sku, 1)));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        String order = command + "/api/orders/" + placed.body().path("orderId").asText();
        assertThat(Http.post(order + "/payments", Map.of("amount", new BigDecimal("28.65"), "currency", "EUR",
                "provider", "AMAZON-PAY", "reference", "AMZ-" + ref)).status()).isEqualTo(201);
        assertThat(Http.post(order + "/fees", Map.of("type", "MARKETPLACE_COMMISSION", "amount",
                new BigDecimal("4.30"), "currency", "EUR")).status()).isEqualTo(201);

        // a settlement deposited last month of that order (its sale and commission as recorded), a subscription fee
        // and a row no rule knows: not reconciled
        String first = "P" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> sale = row("Order", "ItemPrice", "Principal", "28.65");
        sale.put("order-id", ref);
        Map<String, String> commission = row("Order", "ItemFees", "Commission", "-4.30");
        commission.put("order-id", ref);
        upload(apps, channel, report(first, LAST_MONTH.atDay(10), "28.35", List.of(sale, commission,
                row("other-transaction", "other-transaction", "Subscription Fee", "-39.00"),
                row("Mystery", "Unheard", "Of", "43.00"))));
        String firstId = channel + "~" + first;
        await().atMost(Duration.ofSeconds(30)).until(() -> finance(apps, "/api/ledger/journal?aggregateId="
                + "settlement~" + firstId).path("totalItems").asLong() > 0);

        JsonNode checklist = finance(apps, "/api/periods/" + period + "/checklist");
        assertThat(checklist.path("passed").asBoolean()).isFalse();
        assertThat(check(checklist, "SETTLEMENTS_RECONCILED").path("ok").asBoolean()).isFalse();
        assertThat(check(checklist, "SETTLEMENTS_RECONCILED").path("items").get(0).asText()).startsWith(firstId);
        Http.Response refused = Http.as("finance").postAs(command + "/api/periods/" + period + "/close", Map.of());
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("PERIOD_CHECKLIST_FAILED");
        assertThat(refused.body().path("failures")).extracting(f -> f.path("name").asText())
                .contains("SETTLEMENTS_RECONCILED");

        // finance accepts the unknown row: reconciled, and the month closes
        Http.Response accepted = Http.as("finance").postAs(command + "/api/settlements/" + firstId
                + "/differences/accept", Map.of("rowNo", 3, "reason", "marketplace goodwill credit"));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance(apps, "/api/periods/" + period + "/checklist")
                .path("passed").asBoolean());
        Http.Response closed = Http.as("finance").postAs(command + "/api/periods/" + period + "/close", Map.of());
        assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
        assertThat(closed.body().path("checks")).hasSize(5);
        assertThat(Http.as("finance").postAs(command + "/api/periods/" + period + "/close", Map.of()).code())
                .isEqualTo("PERIOD_ALREADY_CLOSED");
        Http.Response thisMonth = Http.as("finance").postAs(command + "/api/periods/"
                + LAST_MONTH.plusMonths(1) + "/close", Map.of());
        assertThat(thisMonth.code()).isEqualTo("PERIOD_NOT_ENDED");

        // days to close: the close instant − the month's end, in days with one decimal
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.as("finance").getAs(apps.queryUrl()
                + "/api/periods/" + period).status() == 200);
        JsonNode month = finance(apps, "/api/periods/" + period);
        assertThat(month.path("status").asText()).isEqualTo("CLOSED");
        assertThat(month.path("closedBy").asText()).isEqualTo("finance");
        Instant end = LAST_MONTH.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant closedAt = Instant.parse(month.path("closedAt").asText());
        BigDecimal days = BigDecimal.valueOf(Duration.between(end, closedAt).getSeconds())
                .divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP);
        assertThat(month.path("daysToClose").decimalValue()).isEqualByComparingTo(days);
        JsonNode periods = finance(apps, "/api/periods");
        assertThat(periods.path("closedPeriods").asInt()).isEqualTo(1);
        assertThat(periods.path("medianDaysToClose").decimalValue()).isEqualByComparingTo(days);
        assertThat(periods.path("benchmark").path("medianDaysToClose").decimalValue()).isEqualByComparingTo("6.4");
        // the order's sale is settled: nothing of the channel is unsettled any more
        assertThat(finance(apps, "/api/settlements/unsettled?channelId=" + channel)).isEmpty();

        // a settlement deposited in the closed month posts on the first day of this month, its own date kept
        String late = "L" + UUID.randomUUID().toString().substring(0, 8);
        upload(apps, channel, report(late, LAST_MONTH.atDay(20), "-12.00", List.of(
                row("other-transaction", "other-transaction", "Storage Fee", "-12.00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> finance(apps, "/api/ledger/journal?aggregateId="
                + "settlement~" + channel + "~" + late).path("totalItems").asLong() > 0);
        JsonNode line = finance(apps, "/api/ledger/journal?aggregateId=settlement~" + channel + "~" + late)
                .path("items").get(0);
        assertThat(line.path("businessDate").asText()).isEqualTo(LAST_MONTH.plusMonths(1).atDay(1).toString());
        assertThat(line.path("originalBusinessDate").asText()).isEqualTo(LAST_MONTH.atDay(20).toString());
        // ... while the first settlement's lines stay in the closed month
        assertThat(finance(apps, "/api/ledger/journal?aggregateId=settlement~" + firstId).path("items").get(0)
                .path("businessDate").asText()).isEqualTo(LAST_MONTH.atDay(10).toString());

        // reopening: an admin, with a reason
        String reopen = command + "/api/periods/" + period + "/reopen";
        assertThat(Http.as("finance").postAs(reopen, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(Http.post(reopen, Map.of()).status()).isEqualTo(400);
        Http.Response reopened = Http.post(reopen, Map.of("reason", "supplier credit note arrived late"));
        assertThat(reopened.status()).as(reopened.raw().body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> finance(apps, "/api/periods/" + period)
                .path("status").asText().equals("OPEN"));
        assertThat(finance(apps, "/api/periods/" + period).path("reopenReason").asText())
                .isEqualTo("supplier credit note arrived late");
        assertThat(Http.post(reopen, Map.of("reason", "again")).code()).isEqualTo("PERIOD_NOT_CLOSED");
        assertThat(Http.as("finance").postAs(command + "/api/periods/2026-13/close", Map.of()).status())
                .isEqualTo(400);
    }

    private static JsonNode check(JsonNode checklist, String name) {
        for (JsonNode check : checklist.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + checklist);
    }

    private static void upload(IsolatedApps apps, String channel, byte[] file) {
        Http.Response imported = Http.as("finance").uploadAs(apps.commandUrl()
                + "/api/settlements/marketplace-reports?channelId=" + channel, "s.txt", file);
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(201);
    }

    private static JsonNode finance(IsolatedApps apps, String path) {
        Http.Response response = Http.as("finance").getAs(apps.queryUrl() + path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, String> row(String transaction, String type, String description, String amount) {
        return new HashMap<>(Map.of("transaction-type", transaction, "amount-type", type, "amount-description",
                description, "amount", amount));
    }

    private static byte[] report(String settlementId, LocalDate deposit, String total,
                                 List<Map<String, String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("\t", MarketplaceSettlementFile.COLUMNS));
        lines.add(line(Map.of("settlement-id", settlementId, "settlement-start-date", deposit.minusDays(9).toString(),
                "settlement-end-date", deposit.minusDays(2).toString(), "deposit-date", deposit.toString(),
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
}
