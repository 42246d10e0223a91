package com.omniops.system.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import com.omniops.events.Money;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.availability.AvailabilityProjector;
import com.omniops.projections.demand.DemandProjector;
import com.omniops.projections.kpis.KpisProjector;
import com.omniops.projections.ledger.LedgerProjector;
import com.omniops.projections.orderboard.OrderBoardProjector;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.query.QuerySideApplication;
import com.omniops.query.admin.ProcessorAdmin;
import com.omniops.query.admin.ProcessorStatus;
import com.omniops.query.admin.ReadModelVerification;
import com.omniops.query.admin.ReadModelVerifier;
import com.omniops.system.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The projectors' batched writes (one JDBC batch per processor batch, {@link ProjectionWrites}) against the event by
 * event path they replace: a poison event in a batch is still dead-lettered alone, and the read models come out the
 * same either way. A query side of its own, on its own database: verification compares whole read models, which other
 * tests of this package change behind the processors' backs.
 */
class BatchedProjectionWritesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        String url = TestDatabase.create("omniops_test_batch_");
        Flyway.configure().dataSource(url, TestDatabase.USER, TestDatabase.PASSWORD)
                .locations("classpath:db/command").table("flyway_history_command")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        app = QuerySideApplication.builder().run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPoisonEventInABatchIsDeadLetteredAloneWhileTheRestOfTheBatchIsApplied() {
        ProjectionWrites availability = app.getBean(AvailabilityProjector.class).writes();
        ProjectionWrites demand = app.getBean(DemandProjector.class).writes();
        ProjectionWrites kpis = app.getBean(KpisProjector.class).writes();
        long kpisFallbackBefore = kpis.eventByEventUpTo();
        long availabilityFallbackBefore = availability.eventByEventUpTo();
        long demandFallbackBefore = demand.eventByEventUpTo();
        String run = QuerySideUnderTest.uniqueId("P");
        // A SKU longer than the read models' columns: the queued statement fails only when the batch is flushed.
        String poisonSku = "POISON-" + run + "-" + "X".repeat(120);
        String warehouse = "WH-" + run;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String sku = "SKU-" + run + "-" + i;
            healthy.add(sku);
            if (i == 15) {
                batch.add(stock(poisonSku, warehouse, 0, received(poisonSku, warehouse, 10, 10, 0)));
                batch.add(stock(poisonSku, warehouse, 1, reserved(poisonSku, warehouse, 2, 10, 2, T0)));
            }
            batch.add(stock(sku, warehouse, 0, received(sku, warehouse, 10, 10, 0)));
            batch.add(stock(sku, warehouse, 1, reserved(sku, warehouse, 2 + i % 3, 10, 2 + i % 3, T0)));
        }
        publishInOneTransaction(batch); // 62 events: each segment takes its share in one batch of at most 100

        DSLContext dsl = app.getBean(DSLContext.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                deadLetters(dsl, AvailabilityProjector.PROCESSING_GROUP, poisonSku + "@" + warehouse) == 2
                        && deadLetters(dsl, DemandProjector.PROCESSING_GROUP, poisonSku + "@" + warehouse) == 2
                        && deadLetters(dsl, KpisProjector.PROCESSING_GROUP, poisonSku + "@" + warehouse) == 2
                        && dsl.fetchCount(table("kpi_sku_stock"), field("warehouse_id").eq(warehouse)) == 30
                        && dsl.fetchCount(table("availability_stock"), field("warehouse_id").eq(warehouse)) == 30
                        && dsl.fetchCount(table("demand_daily"), field("warehouse_id").eq(warehouse)) == 30);

        // Every healthy event is applied, with its own quantities, in both read models.
        for (int i = 0; i < healthy.size(); i++) {
            assertThat(dsl.fetchValue("SELECT reserved FROM availability_stock WHERE sku = ? AND warehouse_id = ?",
                    healthy.get(i), warehouse)).as(healthy.get(i)).isEqualTo(2 + i % 3);
            assertThat(dsl.fetchValue("SELECT reserved_units FROM demand_daily WHERE sku = ? AND warehouse_id = ?",
                    healthy.get(i), warehouse)).as(healthy.get(i)).isEqualTo(2 + i % 3);
            assertThat(dsl.fetchValue("SELECT reserved FROM kpi_sku_stock WHERE sku = ? AND warehouse_id = ?",
                    healthy.get(i), warehouse)).as(healthy.get(i)).isEqualTo(2 + i % 3);
        }
        // Only the poison sequence is dead-lettered (its first event failed, its second waits behind it), nothing else.
        assertThat(dsl.fetchCount(table("deadletterentry"), field("aggregateidentifier").like("%" + run + "%"),
                field("aggregateidentifier").ne(poisonSku + "@" + warehouse))).isZero();
        // And it got there through the fallback: the failed batch's range was marked and reprocessed event by event.
        assertThat(availability.eventByEventUpTo()).isGreaterThan(availabilityFallbackBefore);
        assertThat(demand.eventByEventUpTo()).isGreaterThan(demandFallbackBefore);
        assertThat(kpis.eventByEventUpTo()).isGreaterThan(kpisFallbackBefore);
    }

    @Test
    void batchedWritesGiveTheSameReadModelsAsEventByEvent() {
        String run = QuerySideUnderTest.uniqueId("S");
        String channel = "CH-" + run;
        String east = "WHE-" + run;
        String west = "WHW-" + run;
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Channel", channel, 0, new ChannelRegistered(channel, "Shop",
                ChannelType.WEBSITE, "EUR", true, List.of(east, west), AllocationStrategy.PRIORITY, false, 1, T0)));
        // the SKUs the orders below order (OrderBoardProjectionTest.placed), for the ledger's tax categories
        for (String sku : List.of("SKU-A", "SKU-B")) {
            events.add(new GenericDomainEventMessage<>("Product", sku, 0,
                    new ProductRegistered(sku, sku, "EA", "STANDARD", T0)));
        }
        for (int i = 0; i < 12; i++) {
            String sku = "SKU-" + run + "-" + i;
            events.add(new GenericDomainEventMessage<>("Product", sku, 0,
                    new ProductRegistered(sku, "Item " + i, "EA", "STANDARD", T0)));
            events.add(new GenericDomainEventMessage<>("Product", sku, 1,
                    new ProductListedOnChannel(sku, channel, "W-" + sku, T0)));
            for (String warehouse : List.of(east, west)) {
                events.addAll(stockHistory(sku, warehouse, i));
            }
        }
        String transfer = "TR-" + run;
        String sku0 = "SKU-" + run + "-0";
        events.add(new GenericDomainEventMessage<>("Transfer", transfer, 0, new TransferShipped(transfer, east, west,
                List.of(new ShippedTransferLine(1, sku0, 4, Money.of("2.00", "EUR"))), "DHL", "T-1", T0)));
        events.add(new GenericDomainEventMessage<>("Transfer", transfer, 1, new TransferReceived(transfer, "RC-1",
                east, west, List.of(new ReceivedTransferLine(1, sku0, 3, 3)), false, T0.plusSeconds(3600))));
        for (int i = 0; i < 15; i++) {
            String order = "ORD-" + run + "-" + i;
            events.add(new GenericDomainEventMessage<>("Order", order, 0,
                    OrderBoardProjectionTest.placed(order, channel, T0.plusSeconds(i))));
            if (i % 2 == 0) {
                // Later events of an order in the same batch as its placement: they read the placed rows.
                events.add(new GenericDomainEventMessage<>("Order", order, 1, new PaymentCaptured(order, "PAY-" + i,
                        Money.of("10.00", "EUR"), "psp", "ref-" + i, T0.plusSeconds(60))));
                events.add(new GenericDomainEventMessage<>("Order", order, 2, new OrderShipped(order, "SHP-" + i,
                        "WH-EAST", List.of(new ShippedLine(1, "SKU-A", 2)), "DHL", "T-" + i, null,
                        T0.plusSeconds(7200))));
            }
        }
        publishInOneTransaction(events.subList(0, events.size() / 2));
        publishInOneTransaction(events.subList(events.size() / 2, events.size()));

        Map<String, Function<ConfigurableApplicationContext, ProjectionWrites>> models = Map.of(
                AvailabilityProjector.PROCESSING_GROUP, c -> c.getBean(AvailabilityProjector.class).writes(),
                DemandProjector.PROCESSING_GROUP, c -> c.getBean(DemandProjector.class).writes(),
                OrderBoardProjector.PROCESSING_GROUP, c -> c.getBean(OrderBoardProjector.class).writes(),
                LedgerProjector.PROCESSING_GROUP, c -> c.getBean(LedgerProjector.class).writes(),
                KpisProjector.PROCESSING_GROUP, c -> c.getBean(KpisProjector.class).writes());
        DSLContext dsl = app.getBean(DSLContext.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                models.keySet().stream().allMatch(BatchedProjectionWritesTest::caughtUp)
                        && dsl.fetchCount(table("order_board_order"), field("channel_id").eq(channel)) == 15);

        for (var model : models.entrySet()) {
            // The live read model was written in batches...
            assertThat(model.getValue().apply(app).batchedStatements()).as(model.getKey()).isPositive();
            // ...and the verifier recomputes it event by event (each event at once, in its own savepoint).
            ReadModelVerification verification = app.getBean(ReadModelVerifier.class).verify(model.getKey());
            assertThat(verification.identical()).as(model.getKey() + ": " + verification).isTrue();
            assertThat(verification.replayFailures()).as(model.getKey()).isEmpty();
            assertThat(verification.eventsReplayed()).as(model.getKey()).isGreaterThan(10);
        }
        assertThat(dsl.fetchValue("SELECT count(*) FROM order_board_order WHERE channel_id = ? AND captured > 0",
                channel)).isEqualTo(8L);
    }

    /** Received, reserved and issued on two days, a return into quarantine (held quantities), reserved again. */
    private static List<GenericDomainEventMessage<?>> stockHistory(String sku, String warehouse, int i) {
        Instant day1 = T0.plusSeconds(3600);
        Instant day2 = T0.plusSeconds(86_400 + 3600);
        String item = sku + "@" + warehouse;
        int onHand = 50;
        List<Object> payloads = List.of(
                received(sku, warehouse, onHand, onHand, 0),
                reserved(sku, warehouse, 3, onHand, 3, day1),
                reserved(sku, warehouse, 2 + i, onHand, 5 + i, day1.plusSeconds(60)),
                new StockIssued(item, sku, warehouse, "ORD-" + i, 1, "SHP-" + i, 3, Money.of("2.50", "EUR"),
                        onHand - 3, 2 + i, day2),
                new StockReturned(item, sku, warehouse, "ORD-" + i, "RET-" + i, 1, 1,
                        ReturnDisposition.QUARANTINE, Money.of("2.50", "EUR"), onHand - 2, 2 + i, 1, 0,
                        day2.plusSeconds(60)),
                reserved(sku, warehouse, 1, onHand - 2, 3 + i, day2.plusSeconds(120)));
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            messages.add(stock(sku, warehouse, seq, payloads.get(seq)));
        }
        return messages;
    }

    private static GenericDomainEventMessage<?> stock(String sku, String warehouse, long seq, Object payload) {
        return new GenericDomainEventMessage<>("StockItem", sku + "@" + warehouse, seq, payload);
    }

    private static StockReceived received(String sku, String warehouse, int quantity, int onHandAfter,
                                          int reservedAfter) {
        return new StockReceived(sku + "@" + warehouse, sku, warehouse, quantity, Money.of("2.50", "EUR"),
                ReceiptSource.OPENING_BALANCE, "OB", Money.of("2.50", "EUR"), onHandAfter, reservedAfter, T0);
    }

    private static StockReserved reserved(String sku, String warehouse, int quantity, int onHandAfter,
                                          int reservedAfter, Instant at) {
        return new StockReserved(sku + "@" + warehouse, sku, warehouse, "ORD-1", 1, quantity, onHandAfter,
                reservedAfter, at);
    }

    private static void publishInOneTransaction(List<GenericDomainEventMessage<?>> events) {
        app.getBean(TransactionManager.class).executeInTransaction(() -> app.getBean(EventStore.class)
                .publish(List.copyOf(events)));
    }

    private static boolean caughtUp(String processor) {
        ProcessorStatus status = app.getBean(ProcessorAdmin.class).status(processor);
        return !status.replaying() && status.lag() != null && status.lag() == 0;
    }

    private static int deadLetters(DSLContext dsl, String group, String aggregateId) {
        return dsl.fetchCount(table("deadletterentry"), field("processinggroup").eq(group),
                field("aggregateidentifier").eq(aggregateId));
    }
}
