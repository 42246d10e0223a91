package com.omniops.system.admin;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /api/admin/dead-letters, POST .../{group}/retry, DELETE .../{group}/{sequenceId} on real dead letters. */
class DeadLetterAdminTest {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private final IsolatedApps apps = IsolatedApps.get();
    private final List<String> ghosts = new ArrayList<>();

    @Test
    void aDeadLetterIsListedStaysWhileItStillFailsAndIsAppliedByARetryOnceTheCauseIsFixed() {
        String ghost = shipmentOfAnOrderTheBoardNeverSaw();

        JsonNode listed = awaitDeadLetter(ghost);
        assertThat(listed.get("group").asText()).isEqualTo("order-board");
        assertThat(listed.get("aggregateId").asText()).isEqualTo(ghost);
        assertThat(listed.get("payloadType").asText()).endsWith("OrderShipped");
        assertThat(listed.get("causeMessage").asText()).contains("not on the board");

        JsonNode stillFailing = ReadModelRebuildTest.post("/api/admin/dead-letters/order-board/retry?sequenceId="
                + ghost, 200);
        assertThat(stillFailing.get("sequencesCleared").asInt()).isZero();
        assertThat(lettersOf(ghost)).isEqualTo(1);

        // the operator repairs the cause (here: the order row the shipment needs), then retries the group
        DSLContext dsl = apps.queryBean(DSLContext.class);
        dsl.insertInto(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.ORDER_ID, ghost).set(ORDER_BOARD_ORDER.CHANNEL_ID, "CH")
                .set(ORDER_BOARD_ORDER.CHANNEL_ORDER_REF, ghost).set(ORDER_BOARD_ORDER.CUSTOMER_ID, "C")
                .set(ORDER_BOARD_ORDER.CURRENCY, "EUR").set(ORDER_BOARD_ORDER.STATUS, "PLACED")
                .set(ORDER_BOARD_ORDER.LINE_COUNT, 1).set(ORDER_BOARD_ORDER.UNITS_ORDERED, 1)
                .set(ORDER_BOARD_ORDER.UNITS_ALLOCATED, 1).set(ORDER_BOARD_ORDER.UNITS_BACKORDERED, 0)
                .set(ORDER_BOARD_ORDER.UNITS_SHIPPED, 0).set(ORDER_BOARD_ORDER.SHIPPING_CHARGE, BigDecimal.ZERO)
                .set(ORDER_BOARD_ORDER.ORDER_TOTAL, BigDecimal.TEN).set(ORDER_BOARD_ORDER.PLACED_AT,
                        AT.atOffset(ZoneOffset.UTC))
                .set(ORDER_BOARD_ORDER.LAST_SEQUENCE, 0L).execute();
        dsl.insertInto(ORDER_BOARD_LINE)
                .set(ORDER_BOARD_LINE.ORDER_ID, ghost).set(ORDER_BOARD_LINE.LINE_NO, 1)
                .set(ORDER_BOARD_LINE.SKU, "SKU-A").set(ORDER_BOARD_LINE.QUANTITY, 1)
                .set(ORDER_BOARD_LINE.UNIT_PRICE, BigDecimal.TEN).set(ORDER_BOARD_LINE.DISCOUNT, BigDecimal.ZERO)
                .set(ORDER_BOARD_LINE.TAX_AMOUNT, BigDecimal.ZERO).set(ORDER_BOARD_LINE.ALLOCATED, 1)
                .set(ORDER_BOARD_LINE.BACKORDERED, 0).set(ORDER_BOARD_LINE.SHIPPED, 0)
                .set(ORDER_BOARD_LINE.LAST_SEQUENCE, 0L).execute();

        try {
            JsonNode retried = ReadModelRebuildTest.post("/api/admin/dead-letters/order-board/retry", 200);
            assertThat(retried.get("sequencesCleared").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(lettersOf(ghost)).isZero();
            assertThat(Http.get(apps.queryUrl() + "/api/orders/" + ghost).body().get("status").asText())
                    .isEqualTo("SHIPPED");
        } finally {
            // the hand-made rows are not derived from events: remove them so verifications elsewhere stay exact
            for (var table : List.of(ORDER_BOARD_SHIPMENT_LINE, ORDER_BOARD_SHIPMENT, ORDER_BOARD_ALLOCATION,
                    ORDER_BOARD_LINE, ORDER_BOARD_ORDER)) {
                dsl.deleteFrom(table).where(table.field("order_id", String.class).eq(ghost)).execute();
            }
        }
    }

    @Test
    void evictingASequenceDropsItsDeadLetters() {
        String ghost = shipmentOfAnOrderTheBoardNeverSaw();
        awaitDeadLetter(ghost);

        String cli = ReadModelRebuildTest.cli("dead-letters", "evict", "order-board", ghost);
        assertThat(cli).startsWith("0:Evicted 1 dead letters");
        assertThat(lettersOf(ghost)).isZero();

        Http.Response again = Http.delete(apps.queryUrl() + "/api/admin/dead-letters/order-board/" + ghost);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("DEAD_LETTER_NOT_FOUND");
        Http.Response unknownGroup = Http.get(apps.queryUrl() + "/api/admin/dead-letters?group=nope");
        assertThat(unknownGroup.code()).isEqualTo("PROCESSOR_NOT_FOUND");
    }

    /**
     * The books refuse the same shipment (its order is not in them either): each test drops the ledger's dead letter
     * for its ghost again, so the shared books' NO_DEAD_LETTERS check (LedgerThroughTheApiTest) holds whatever runs
     * first.
     */
    @AfterEach
    void dropTheLedgersLetters() {
        for (String ghost : ghosts) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    lettersOf(ghost, "ledger") == 1);
            assertThat(Http.delete(apps.queryUrl() + "/api/admin/dead-letters/ledger/" + ghost).status())
                    .isEqualTo(200);
        }
    }

    private String shipmentOfAnOrderTheBoardNeverSaw() {
        String ghost = "GHOST-" + UUID.randomUUID();
        ghosts.add(ghost);
        var message = new GenericDomainEventMessage<>("Order", ghost, 1, new OrderShipped(ghost, "SHP-1", "WH-X",
                List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, AT));
        var commandSide = apps.commandSide();
        commandSide.getBean(TransactionManager.class)
                .executeInTransaction(() -> commandSide.getBean(EventStore.class).publish(message));
        return ghost;
    }

    private JsonNode awaitDeadLetter(String ghost) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> lettersOf(ghost) == 1);
        for (JsonNode letter : ReadModelRebuildTest.get("/api/admin/dead-letters?group=order-board&size=200")
                .get("items")) {
            if (letter.get("sequenceId").asText().equals(ghost)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for " + ghost);
    }

    private long lettersOf(String ghost) {
        return lettersOf(ghost, "order-board");
    }

    private long lettersOf(String ghost, String group) {
        long count = 0;
        for (JsonNode letter : ReadModelRebuildTest.get("/api/admin/dead-letters?group=" + group + "&size=200")
                .get("items")) {
            if (letter.get("sequenceId").asText().equals(ghost)) {
                count++;
            }
        }
        return count;
    }
}
