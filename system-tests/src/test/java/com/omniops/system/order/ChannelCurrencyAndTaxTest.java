package com.omniops.system.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order intake through the REST API: a channel sells in one currency, and its prices are gross or net and the order
 * board's totals follow that one rule.
 */
class ChannelCurrencyAndTaxTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void anOrderInAnotherCurrencyThanTheChannelsIsRefusedAndWritesNothing() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0, "EUR", true);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 5, "4.00");
        String ref = merchant.id("USD-1");
        int before = eventsMentioning(sku);

        Map<String, Object> order = TestMerchant.order(channel, ref, TestMerchant.line(sku, 1));
        order.put("currency", "USD");
        Http.Response refused = Http.post(TestApps.commandUrl() + "/api/orders", order);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(refused.body().path("field").asText()).isEqualTo("currency");
        assertThat(refused.body().path("channelCurrency").asText()).isEqualTo("EUR");
        assertThat(eventsMentioning(sku)).as("no reservation, no order").isEqualTo(before);
        assertThat(eventsMentioning(ref)).isZero();

        order.put("currency", "EUR");
        Http.Response accepted = Http.post(TestApps.commandUrl() + "/api/orders", order);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
    }

    @Test
    void aChannelStatesItsCurrencyAndWhetherItsPricesIncludeTax() {
        Http.Response missing = Http.post(TestApps.commandUrl() + "/api/channels", Map.of(
                "channelId", merchant.id("NOCUR"), "name", "No currency", "type", "WEBSITE",
                "warehouseIds", List.of(merchant.id("WH"))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("currency").contains("pricesIncludeTax");

        Http.Response registered = Http.post(TestApps.commandUrl() + "/api/channels", Map.of(
                "channelId", merchant.id("GROSS"), "name", "Gross shop", "type", "WEBSITE", "currency", "EUR",
                "pricesIncludeTax", true, "warehouseIds", List.of(merchant.id("WH"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(registered.body().path("currency").asText()).isEqualTo("EUR");
        assertThat(registered.body().path("pricesIncludeTax").asBoolean()).isTrue();
    }

    @Test
    void aGrossChannelsOrderTotalOnTheBoardIsTheSumOfItsGrossLinesPlusShipping() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0, "EUR", true);
        String lamp = merchant.product(channel);
        String mug = merchant.product(channel);
        merchant.receive(warehouse, lamp, 5, "4.00");
        merchant.receive(warehouse, mug, 5, "2.00");

        // 16.00 at 20 % VAT contains 2.67; 2 × 10.00 − 2.00 = 18.00 contains 3.00
        Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("GROSS-1"),
                Map.of("sku", lamp, "quantity", 1, "unitPrice", new BigDecimal("16.00"),
                        "taxAmount", new BigDecimal("2.67")),
                Map.of("sku", mug, "quantity", 2, "unitPrice", new BigDecimal("10.00"),
                        "discount", new BigDecimal("2.00"), "taxAmount", new BigDecimal("3.00"))));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();

        JsonNode board = onTheBoard(orderId);
        JsonNode totals = board.path("totals");
        // 16.00 + 18.00 + 4.95 shipping; not 16.00 + 2.67 + 18.00 + 3.00 + 4.95 = 44.62
        assertThat(totals.path("orderTotal").decimalValue()).isEqualByComparingTo("38.95");
        assertThat(totals.path("taxTotal").decimalValue()).isEqualByComparingTo("5.67");
        assertThat(totals.path("netTotal").decimalValue()).isEqualByComparingTo("33.28");
        assertThat(totals.path("pricesIncludeTax").asBoolean()).isTrue();
        JsonNode first = board.path("lines").get(0);
        assertThat(first.path("lineTotal").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(first.path("lineNet").decimalValue()).isEqualByComparingTo("13.33");
        assertThat(board.path("lines").get(1).path("lineTotal").decimalValue()).isEqualByComparingTo("18.00");

        // the payment limit follows the same rule
        Http.Response tooMuch = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/payments",
                Map.of("amount", new BigDecimal("38.96"), "currency", "EUR", "provider", "PSP", "reference", "P-0"));
        assertThat(tooMuch.code()).isEqualTo("PAYMENT_EXCEEDS_ORDER_TOTAL");
        Http.Response paid = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/payments",
                Map.of("amount", new BigDecimal("38.95"), "currency", "EUR", "provider", "PSP", "reference", "P-1"));
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
    }

    private static JsonNode onTheBoard(String orderId) {
        String queryUrl = TestApps.queryUrl(); // starts the query side when no earlier test did
        return await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(queryUrl + "/api/orders/" + orderId),
                r -> r.status() == 200).body();
    }

    private static int eventsMentioning(String text) {
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Integer n = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry "
                + "WHERE convert_from(payload, 'UTF8') LIKE '%' || ? || '%'", Integer.class, text);
        return n == null ? 0 : n;
    }
}
