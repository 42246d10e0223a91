package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.bean;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.projections.orderboard.OrderBoardProjector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** An event a projector cannot apply is dead-lettered, never skipped, and does not hold back the rest. */
class DeadLetterTest {

    @Test
    void shipmentOfAnOrderTheBoardNeverSawIsDeadLetteredWhileOtherOrdersAreStillProjected() {
        String ghost = uniqueId("GHOST");
        String real = uniqueId("ORD");
        Instant at = Instant.parse("2026-03-14T09:26:53Z");
        append("Order", ghost, 1, new OrderShipped(ghost, "SHP-X", "WH-EAST",
                List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, at));
        append("Order", real, 0, OrderBoardProjectionTest.placed(real, uniqueId("CH"), at));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                get("/api/orders/" + real).status() == 200 && deadLetters(ghost) == 1);
        assertThat(get("/api/orders/" + ghost).status()).isEqualTo(404);
    }

    @Test
    void aFailedStatementIsRolledBackToItsSavepointSoTheRestOfTheBatchStillCommits() {
        String broken = uniqueId("ORD");
        String healthy = uniqueId("ORD");
        Instant at = Instant.parse("2026-03-14T09:26:53Z");
        var placedBroken = new GenericDomainEventMessage<>("Order", broken, 0,
                OrderBoardProjectionTest.placed(broken, "CH", at));
        var shipped = new GenericDomainEventMessage<>("Order", broken, 1, new OrderShipped(broken, "SHP-1",
                "WH-EAST", List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, at));
        // A second shipment with the same id violates the shipment primary key: PostgreSQL aborts the statement.
        var duplicateShipment = new GenericDomainEventMessage<>("Order", broken, 2, new OrderShipped(broken,
                "SHP-1", "WH-EAST", List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, at));
        var placedHealthy = new GenericDomainEventMessage<>("Order", healthy, 0,
                OrderBoardProjectionTest.placed(healthy, "CH", at));
        var projector = new AnnotationEventHandlerAdapter(bean(OrderBoardProjector.class));

        // One transaction, as a pooled processor's batch would be.
        bean(TransactionManager.class).executeInTransaction(() -> {
            handle(projector, placedBroken);
            handle(projector, shipped);
            assertThatThrownBy(() -> projector.handle(duplicateShipment)).hasMessageContaining("order_board_shipment");
            handle(projector, placedHealthy);
        });

        DSLContext dsl = bean(DSLContext.class);
        var brokenRow = dsl.selectFrom(ORDER_BOARD_ORDER).where(ORDER_BOARD_ORDER.ORDER_ID.eq(broken)).fetchSingle();
        assertThat(brokenRow.getLastSequence()).isEqualTo(1L); // the failed event left no trace, it can be retried
        assertThat(brokenRow.getUnitsShipped()).isEqualTo(1);
        assertThat(dsl.fetchExists(ORDER_BOARD_ORDER, ORDER_BOARD_ORDER.ORDER_ID.eq(healthy))).isTrue();
    }

    private static void handle(AnnotationEventHandlerAdapter projector, GenericDomainEventMessage<?> event) {
        try {
            projector.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int deadLetters(String aggregateId) {
        return bean(DSLContext.class).fetchCount(table("deadletterentry"),
                field("processinggroup").eq(OrderBoardProjector.PROCESSING_GROUP),
                field("aggregateidentifier").eq(aggregateId));
    }
}
