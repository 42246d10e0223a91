package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.bean;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.Money;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.projections.availability.AvailabilityProjector;
import com.omniops.system.query.QuerySideUnderTest.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.Test;

class AvailabilityProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final String channel = uniqueId("CH");
    private final String wh1 = uniqueId("WH1");
    private final String wh2 = uniqueId("WH2");
    private final String otherWh = uniqueId("WHX");
    private final String sold = uniqueId("SKU");
    private final String discontinued = uniqueId("SKU");
    private final String unlisted = uniqueId("SKU");

    @Test
    void availableToSellSumsTheChannelsWarehousesAfterReservationsMinusTheSafetyBuffer() {
        givenAChannelWithTwoWarehousesAndSafetyBufferTwo();

        Response response = awaitAvailability("/api/availability?channel=" + channel,
                items -> items.size() == 1 && items.get(0).get("availableToSell").asInt() == 10);

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("totalPages").asInt()).isEqualTo(1);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("channelId").asText()).isEqualTo(channel);
        assertThat(item.get("sku").asText()).isEqualTo(sold);
        assertThat(item.get("channelSku").asText()).isEqualTo("AMZ-" + sold);
        assertThat(item.get("safetyBuffer").asInt()).isEqualTo(2);
        // (10 − 3) + (5 − 0) − 2: the warehouse outside the channel does not count; priority order is kept.
        JsonNode warehouses = item.get("warehouses");
        assertThat(warehouses).hasSize(2);
        assertThat(warehouses.get(0).get("warehouseId").asText()).isEqualTo(wh2);
        assertThat(warehouses.get(0).get("onHand").asInt()).isEqualTo(5);
        assertThat(warehouses.get(0).get("available").asInt()).isEqualTo(5);
        assertThat(warehouses.get(1).get("warehouseId").asText()).isEqualTo(wh1);
        assertThat(warehouses.get(1).get("onHand").asInt()).isEqualTo(10);
        assertThat(warehouses.get(1).get("reserved").asInt()).isEqualTo(3);
        assertThat(warehouses.get(1).get("available").asInt()).isEqualTo(7);

        Response bySku = get("/api/availability?sku=" + sold);
        assertThat(bySku.json().get("totalItems").asLong()).isEqualTo(1);
        assertThat(get("/api/availability?sku=" + discontinued).json().get("totalItems").asLong()).isZero();
        assertThat(get("/api/availability?sku=" + unlisted).json().get("totalItems").asLong()).isZero();
    }

    @Test
    void availableToSellNeverGoesBelowZero() {
        String ch = uniqueId("CH");
        String wh = uniqueId("WH");
        String sku = uniqueId("SKU");
        append("Channel", ch, 0, new ChannelRegistered(ch, "Shop", ChannelType.WEBSITE, "EUR", true,
                List.of(wh), AllocationStrategy.PRIORITY, false, 50, T0));
        append("Product", sku, 0, new ProductRegistered(sku, "Mug", "EA", "STANDARD", T0),
                new ProductListedOnChannel(sku, ch, "W-" + sku, T0));
        append("StockItem", sku + "@" + wh, 0, received(sku, wh, 5, 5, 0));

        Response response = awaitAvailability("/api/availability?channel=" + ch,
                items -> items.size() == 1 && items.get(0).get("warehouses").get(0).get("onHand").asInt() == 5);
        assertThat(response.json().get("items").get(0).get("availableToSell").asInt()).isZero();
    }

    @Test
    void redeliveredOlderEventDoesNotOverwriteNewerStock() throws Exception {
        givenAChannelWithTwoWarehousesAndSafetyBufferTwo();
        awaitAvailability("/api/availability?channel=" + channel,
                items -> items.size() == 1 && items.get(0).get("availableToSell").asInt() == 10);

        // The stock item's first event (on hand 10, nothing reserved) arrives again, e.g. after a crash.
        var adapter = new AnnotationEventHandlerAdapter(bean(AvailabilityProjector.class));
        var stale = new GenericDomainEventMessage<>("StockItem", sold + "@" + wh1, 0,
                received(sold, wh1, 10, 10, 0));
        bean(TransactionManager.class).executeInTransaction(() -> {
            try {
                adapter.handle(stale);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        JsonNode item = get("/api/availability?channel=" + channel).json().get("items").get(0);
        assertThat(item.get("availableToSell").asInt()).isEqualTo(10);
        assertThat(item.get("warehouses").get(1).get("reserved").asInt()).isEqualTo(3);
    }

    @Test
    void unknownChannelIsAProblem() {
        Response response = get("/api/availability?channel=" + uniqueId("NOPE"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNKNOWN_CHANNEL");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).contains("is not registered");
    }

    @Test
    void invalidPagingIsAProblem() {
        for (String query : List.of("size=201", "size=0", "page=-1", "page=abc", "size=1.5")) {
            Response response = get("/api/availability?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).as(query).isEqualTo("INVALID_PARAMETER");
            assertThat(response.raw()).as(query).doesNotContain("Exception").doesNotContain("java.");
        }
        assertThat(get("/api/availability?size=200").status()).isEqualTo(200);
    }

    @Test
    void lowestAvailableToSellFirstWhenAsked() {
        String ch = uniqueId("CH");
        String wh = uniqueId("WH");
        String plenty = uniqueId("SKU-A");
        String few = uniqueId("SKU-B");
        String none = uniqueId("SKU-C");
        append("Channel", ch, 0, new ChannelRegistered(ch, "Shop", ChannelType.WEBSITE, "EUR", true,
                List.of(wh), AllocationStrategy.PRIORITY, false, 1, T0));
        for (String sku : List.of(plenty, few, none)) {
            append("Product", sku, 0, new ProductRegistered(sku, "Mug", "EA", "STANDARD", T0),
                    new ProductListedOnChannel(sku, ch, "W-" + sku, T0));
        }
        append("StockItem", plenty + "@" + wh, 0, received(plenty, wh, 40, 40, 0));
        // 9 on hand, 5 reserved: 4 available, 3 after the buffer
        append("StockItem", few + "@" + wh, 0, received(few, wh, 9, 9, 0),
                new StockReserved(few + "@" + wh, few, wh, "ORDER-9", 1, 5, 9, 5, T0.plusSeconds(60)));

        Response bySku = awaitAvailability("/api/availability?channel=" + ch,
                items -> items.size() == 3 && items.get(1).get("availableToSell").asInt() == 3);
        assertThat(bySku.json().get("items")).extracting(i -> i.get("sku").asText())
                .containsExactly(plenty, few, none);
        Response lowest = get("/api/availability?channel=" + ch + "&sort=available_to_sell");
        assertThat(lowest.json().get("items")).extracting(i -> i.get("sku").asText() + " "
                + i.get("availableToSell").asInt()).containsExactly(none + " 0", few + " 3", plenty + " 39");
        Response bad = get("/api/availability?channel=" + ch + "&sort=PRICE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asText()).isEqualTo("sort");
    }

    private void givenAChannelWithTwoWarehousesAndSafetyBufferTwo() {
        append("Channel", channel, 0, new ChannelRegistered(channel, "Marketplace", ChannelType.MARKETPLACE,
                "EUR", true, List.of(wh2, wh1), AllocationStrategy.PRIORITY, false, 2, T0));
        append("Product", sold, 0, new ProductRegistered(sold, "Lamp", "EA", "STANDARD", T0),
                new ProductListedOnChannel(sold, channel, "AMZ-" + sold, T0));
        append("Product", discontinued, 0, new ProductRegistered(discontinued, "Old lamp", "EA", "STANDARD", T0),
                new ProductListedOnChannel(discontinued, channel, "AMZ-" + discontinued, T0),
                new ProductDiscontinued(discontinued, "end of life", T0.plusSeconds(60)));
        append("Product", unlisted, 0, new ProductRegistered(unlisted, "Shade", "EA", "STANDARD", T0));
        append("StockItem", sold + "@" + wh1, 0, received(sold, wh1, 10, 10, 0),
                new StockReserved(sold + "@" + wh1, sold, wh1, "ORDER-1", 1, 3, 10, 3, T0.plusSeconds(120)));
        append("StockItem", sold + "@" + wh2, 0, received(sold, wh2, 5, 5, 0));
        append("StockItem", sold + "@" + otherWh, 0, received(sold, otherWh, 100, 100, 0));
        append("StockItem", discontinued + "@" + wh1, 0, received(discontinued, wh1, 7, 7, 0));
    }

    private static StockReceived received(String sku, String wh, int quantity, int onHandAfter, int reservedAfter) {
        return new StockReceived(sku + "@" + wh, sku, wh, quantity, Money.of("4.20", "EUR"),
                ReceiptSource.OPENING_BALANCE, "OB", Money.of("4.20", "EUR"), onHandAfter, reservedAfter, T0);
    }

    private static Response awaitAvailability(String path, java.util.function.Predicate<JsonNode> itemsMatch) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path), r -> r.status() == 200 && itemsMatch.test(r.json().get("items")));
    }
}
