package com.omniops.system.query;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.bean;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.events.Money;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import com.omniops.projections.availability.AvailabilityProjector;
import com.omniops.projections.orderboard.OrderBoardProjector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/** Rebuilding a read model (reset + replay) gives the same rows and touches no other read model. */
class ProjectionRebuildTest {

    private static final Instant T0 = Instant.parse("2026-03-14T09:26:53Z");

    @Test
    void resetAndReplayOfTheOrderBoardRebuildsTheSameRowsAndLeavesAvailabilityAlone() {
        String orderId = uniqueId("ORD");
        String channel = uniqueId("CH");
        String sku = uniqueId("SKU");
        String wh = uniqueId("WH");
        append("Order", orderId, 0, OrderBoardProjectionTest.placed(orderId, channel, T0),
                new OrderShipped(orderId, "SHP-1", "WH-EAST", List.of(new ShippedLine(1, "SKU-A", 2)), "DHL", "T1",
                        null, T0.plusSeconds(60)),
                new OrderDelivered(orderId, "SHP-1", T0.plusSeconds(120)));
        append("Channel", channel, 0, new ChannelRegistered(channel, "Shop", ChannelType.WEBSITE, "EUR", true,
                List.of(wh), AllocationStrategy.PRIORITY, true, 1, T0));
        append("Product", sku, 0, new ProductRegistered(sku, "Chair", "EA", "STANDARD", T0),
                new ProductListedOnChannel(sku, channel, "W-" + sku, T0));
        append("StockItem", sku + "@" + wh, 0, new StockReceived(sku + "@" + wh, sku, wh, 8, Money.of("3", "EUR"),
                ReceiptSource.PURCHASE_ORDER, "PO-1", Money.of("3", "EUR"), 8, 0, T0));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                get("/api/orders/" + orderId).json().path("shipments").path(0).hasNonNull("deliveredAt")
                        && get("/api/availability?channel=" + channel).json().path("items").path(0)
                        .path("availableToSell").asInt() == 7);

        Map<Table<?>, List<Map<String, Object>>> boardBefore = rows(ORDER_BOARD_TABLES);
        Map<Table<?>, List<Map<String, Object>>> availabilityBefore = rows(AVAILABILITY_TABLES);
        assertThat(boardBefore.get(ORDER_BOARD_ORDER)).isNotEmpty();

        StreamingEventProcessor board = processor(OrderBoardProjector.PROCESSING_GROUP);
        board.shutDown();
        board.resetTokens();

        // The reset handler cleared the order board only.
        for (Table<?> table : ORDER_BOARD_TABLES) {
            assertThat(dsl().fetchCount(table)).as(table.getName()).isZero();
        }
        assertThat(rows(AVAILABILITY_TABLES)).isEqualTo(availabilityBefore);

        board.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !board.isReplaying() && rows(ORDER_BOARD_TABLES).equals(boardBefore));
        assertThat(get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
    }

    @Test
    void resetAndReplayOfAvailabilityRebuildsTheSameRows() {
        String channel = uniqueId("CH");
        String sku = uniqueId("SKU");
        String wh = uniqueId("WH");
        append("Channel", channel, 0, new ChannelRegistered(channel, "Shop", ChannelType.WEBSITE, "EUR", true,
                List.of(wh), AllocationStrategy.PRIORITY, true, 0, T0));
        append("Product", sku, 0, new ProductRegistered(sku, "Desk", "EA", "STANDARD", T0),
                new ProductListedOnChannel(sku, channel, "W-" + sku, T0));
        append("StockItem", sku + "@" + wh, 0, new StockReceived(sku + "@" + wh, sku, wh, 4, Money.of("3", "EUR"),
                ReceiptSource.PURCHASE_ORDER, "PO-2", Money.of("3", "EUR"), 4, 0, T0));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                get("/api/availability?channel=" + channel).json().path("items").path(0)
                        .path("availableToSell").asInt() == 4);
        Map<Table<?>, List<Map<String, Object>>> before = rows(AVAILABILITY_TABLES);
        Map<Table<?>, List<Map<String, Object>>> boardBefore = rows(ORDER_BOARD_TABLES);

        StreamingEventProcessor availability = processor(AvailabilityProjector.PROCESSING_GROUP);
        availability.shutDown();
        availability.resetTokens();
        for (Table<?> table : AVAILABILITY_TABLES) {
            assertThat(dsl().fetchCount(table)).as(table.getName()).isZero();
        }
        assertThat(rows(ORDER_BOARD_TABLES)).isEqualTo(boardBefore);

        availability.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !availability.isReplaying() && rows(AVAILABILITY_TABLES).equals(before));
    }

    private static final List<Table<?>> ORDER_BOARD_TABLES = OrderBoardProjector.READ_MODEL.tables();
    private static final List<Table<?>> AVAILABILITY_TABLES = AvailabilityProjector.READ_MODEL.tables();

    private static Map<Table<?>, List<Map<String, Object>>> rows(List<Table<?>> tables) {
        Map<Table<?>, List<Map<String, Object>>> result = new java.util.LinkedHashMap<>();
        for (Table<?> table : tables) {
            result.put(table, dsl().selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetchMaps());
        }
        return result;
    }

    private static StreamingEventProcessor processor(String name) {
        return bean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static DSLContext dsl() {
        return bean(DSLContext.class);
    }
}
