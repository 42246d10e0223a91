package com.omniops.system.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order intake through the REST API by the channel's own SKU: a line may name the channel's listing instead of our
 * SKU (exactly one of the two); the order and its events carry ours.
 */
class ChannelSkuIntakeTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void anOrderMayNameTheChannelsOwnSkuAndTheOrderRecordsOurs() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String other = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel, other);
        merchant.receive(warehouse, sku, 5, "4.00");

        Http.Response placed = Http.post(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("CSKU-1"), channelLine(channel + "-" + sku, 2)));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("allocations").get(0).path("sku").asText()).isEqualTo(sku);
        String orderId = placed.body().path("orderId").asText();
        JsonNode board = onTheBoard(orderId);
        assertThat(board.path("lines").get(0).path("sku").asText()).isEqualTo(sku);
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", String.class, orderId);
        assertThat(stored).contains("\"sku\":\"" + sku + "\"").doesNotContain(channel + "-" + sku);
    }

    @Test
    void aChannelSkuTheChannelDoesNotListIsRefusedAndALineMustNameExactlyOneSku() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String other = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel, other);
        merchant.receive(warehouse, sku, 5, "4.00");

        Http.Response othersListing = Http.post(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("CSKU-2"), TestMerchant.line(sku, 1), channelLine(other + "-" + sku, 1)));
        assertThat(othersListing.status()).as(othersListing.body().toString()).isEqualTo(422);
        assertThat(othersListing.code()).isEqualTo("UNKNOWN_CHANNEL_SKU");
        assertThat(othersListing.body().path("field").asText()).isEqualTo("lines[1].channelSku");

        Map<String, Object> both = new LinkedHashMap<>(channelLine(channel + "-" + sku, 1));
        both.put("sku", sku);
        Http.Response twoNames = Http.post(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("CSKU-3"), both));
        assertThat(twoNames.status()).isEqualTo(400);
        assertThat(twoNames.body().path("field").asText()).isEqualTo("lines[0]");

        Map<String, Object> none = new LinkedHashMap<>(TestMerchant.line(sku, 1));
        none.remove("sku");
        Http.Response noName = Http.post(TestApps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                merchant.id("CSKU-4"), none));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().path("field").asText()).isEqualTo("lines[0]");
        assertThat(eventsMentioning(merchant.id("CSKU-"))).isZero();
    }

    private static JsonNode onTheBoard(String orderId) {
        String queryUrl = TestApps.queryUrl(); // starts the query side when no earlier test did
        return await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(queryUrl + "/api/orders/" + orderId),
                r -> r.status() == 200).body();
    }

    private static Map<String, Object> channelLine(String channelSku, int quantity) {
        return Map.of("channelSku", channelSku, "quantity", quantity, "unitPrice", new BigDecimal("19.90"),
                "taxAmount", new BigDecimal("3.80"));
    }

    private static int eventsMentioning(String text) {
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Integer n = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry "
                + "WHERE convert_from(payload, 'UTF8') LIKE '%' || ? || '%'", Integer.class, text);
        return n == null ? 0 : n;
    }
}
