package com.omniops.command.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.command.config.CountSettings;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.count.CountTolerance;
import com.omniops.command.stock.hold.WriteOffHeldStock;
import com.omniops.command.stock.issue.IssueStock;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.command.stock.returns.ReturnToStock;
import com.omniops.command.stock.transfer.TransferStockOut;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.json.EventJson;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.order.FeeType;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.ledger.Account;
import com.omniops.projections.ledger.AccountType;
import com.omniops.projections.ledger.ChartOfAccounts;
import com.omniops.projections.ledger.JournalEntry;
import com.omniops.projections.ledger.JournalLine;
import com.omniops.projections.ledger.PostingRules;
import com.omniops.projections.ledger.PostingRules.StockValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The books against the stock, for any sequence of stock operations on two stock items of one SKU (receipts at any
 * cost, reservations shipped, adjustments both ways, returns with every disposition, held write-offs, transfers from
 * one to the other), run through the real StockItem aggregate of an in-memory Axon configuration and posted with the
 * ledger's own posting rules, as the ledger projector posts them:
 * <ul>
 * <li>every entry balances (an unbalanced one cannot even be made) and so do all of them together;</li>
 * <li>the inventory account equals the sum over the stock items of on hand (held units included) × moving-average
 * cost, as their events state them (the live check INVENTORY_EQUALS_STOCK_VALUE) — however the averages round;</li>
 * <li>in-transit is the value shipped by transfers and not yet received.</li>
 * </ul>
 * Operations a rule refuses (more than available, below reserved, ...) are skipped, as a client would see a 4xx.
 */
class StockBooksProperties {

    private static final String SKU = "SKU-BOOKS";
    private static final List<String> WAREHOUSES = List.of("WH-N", "WH-S");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final ChartOfAccounts CHART = chart();
    private static final Configuration AXON = axon();
    private static final CommandGateway COMMANDS = AXON.commandGateway();

    sealed interface Step permits Receive, Ship, Adjust, Return, WriteOff, Transfer {
    }

    record Receive(int warehouse, int quantity, BigDecimal unitCost, ReceiptSource source) implements Step {
    }

    record Ship(int warehouse, int quantity) implements Step {
    }

    record Adjust(int warehouse, int delta, AdjustmentReason reason) implements Step {
    }

    record Return(int warehouse, int quantity, ReturnDisposition disposition) implements Step {
    }

    record WriteOff(int warehouse, int quantity, StockHold hold) implements Step {
    }

    record Transfer(int from, int quantity) implements Step {
    }

    @Property(tries = 200)
    void theBooksBalanceAndInventoryIsWhatTheStockItemsHold(@ForAll("steps") List<Step> steps) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sku = SKU + "-" + run;
        ((InMemoryLookups.Catalog) AXON.getComponent(ProductCatalog.class)).skus.add(sku);
        int orders = 0;
        for (Step step : steps) {
            if (!(step instanceof Receive) && events(item(origin(step), sku)).isEmpty()) {
                continue; // nothing received there yet: the stock item does not exist
            }
            try {
                orders = apply(step, sku, orders);
            } catch (BusinessRuleViolation refused) {
                // a rule said no; nothing was applied
            }
        }

        Map<String, BigDecimal> balances = new HashMap<>();
        Map<String, StockValue> stock = new HashMap<>();
        BigDecimal inTransitShipped = BigDecimal.ZERO;
        BigDecimal inTransitReceived = BigDecimal.ZERO;
        PostingRules rules = new PostingRules(CHART);
        for (String warehouse : WAREHOUSES) {
            String item = StreamIds.stockItem(warehouse, sku);
            for (StockItemEvent event : events(item)) {
                JournalEntry entry = switch (event) {
                    case StockReceived e -> rules.received(e, stock.getOrDefault(item, StockValue.NONE));
                    case StockIssued e -> rules.issued(e);
                    case StockAdjusted e -> rules.adjusted(e);
                    // Units may come back at another cost than today's average (they left earlier): the
                    // difference must never reach the inventory account.
                    case StockReturned e -> rules.returned(e, e.unitCost().amount().add(new BigDecimal("0.2500")));
                    case HeldStockWrittenOff e -> rules.writtenOff(e);
                    case StockTransferredOut e -> rules.transferredOut(e);
                    default -> null; // moves no value (docs/ledger.md)
                };
                if (entry == null) {
                    continue;
                }
                BigDecimal debits = BigDecimal.ZERO;
                BigDecimal credits = BigDecimal.ZERO;
                for (JournalLine line : entry.lines()) {
                    balances.merge(line.accountCode(), line.debit().subtract(line.credit()), BigDecimal::add);
                    debits = debits.add(line.debit());
                    credits = credits.add(line.credit());
                }
                assertThat(debits).as(entry.description()).isEqualByComparingTo(credits);
                stock.put(item, PostingRules.valueAfter(event));
                if (event instanceof StockTransferredOut e) {
                    inTransitShipped = inTransitShipped.add(e.unitCost().amount()
                            .multiply(BigDecimal.valueOf(e.quantity())));
                }
                if (event instanceof StockReceived e && e.source() == ReceiptSource.TRANSFER_IN) {
                    inTransitReceived = inTransitReceived.add(e.unitCost().amount()
                            .multiply(BigDecimal.valueOf(e.quantity())));
                }
            }
        }

        BigDecimal held = stock.values().stream().map(StockValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(balances.getOrDefault("1300", BigDecimal.ZERO)).as("inventory = Σ on hand × average")
                .isEqualByComparingTo(held);
        assertThat(balances.getOrDefault("1350", BigDecimal.ZERO)).as("in transit = shipped − received")
                .isEqualByComparingTo(inTransitShipped.subtract(inTransitReceived));
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        Statistics.label("averages rounded").collect(balances.containsKey("5090"));
        Statistics.label("averages rounded").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    private static int apply(Step step, String sku, int orders) {
        switch (step) {
            case Receive r -> COMMANDS.sendAndWait(new ReceiveStock(item(r.warehouse(), sku), WAREHOUSES.get(
                    r.warehouse()), sku, r.quantity(), new Money(r.unitCost(), "EUR"), r.source(), "REF"));
            case Ship s -> {
                String order = "O-" + orders++;
                COMMANDS.sendAndWait(new ReserveStock(item(s.warehouse(), sku), order, 1, s.quantity()));
                COMMANDS.sendAndWait(new IssueStock(item(s.warehouse(), sku), order, 1, "S-" + order, s.quantity(),
                        CLOCK.instant()));
            }
            case Adjust a -> COMMANDS.sendAndWait(new AdjustStock(item(a.warehouse(), sku), a.delta(), a.reason(),
                    "property"));
            case Return r -> COMMANDS.sendAndWait(new ReturnToStock(item(r.warehouse(), sku), "O-R", "R-" + orders++,
                    1, r.quantity(), r.disposition()));
            case WriteOff w -> COMMANDS.sendAndWait(new WriteOffHeldStock(item(w.warehouse(), sku), w.hold(),
                    w.quantity(), "property"));
            case Transfer t -> {
                // as TransferReceiving does: the destination receives at the cost the units left with
                String from = item(t.from(), sku);
                String transfer = "T-" + orders++;
                COMMANDS.sendAndWait(new TransferStockOut(from, transfer, WAREHOUSES.get(1 - t.from()), t.quantity()));
                StockTransferredOut out = (StockTransferredOut) events(from).getLast();
                COMMANDS.sendAndWait(new ReceiveStock(item(1 - t.from(), sku), WAREHOUSES.get(1 - t.from()), sku,
                        t.quantity(), out.unitCost(), ReceiptSource.TRANSFER_IN, transfer));
            }
        }
        return orders;
    }

    private static int origin(Step step) {
        return switch (step) {
            case Receive r -> r.warehouse();
            case Ship s -> s.warehouse();
            case Adjust a -> a.warehouse();
            case Return r -> r.warehouse();
            case WriteOff w -> w.warehouse();
            case Transfer t -> t.from();
        };
    }

    private static String item(int warehouse, String sku) {
        return StreamIds.stockItem(WAREHOUSES.get(warehouse), sku);
    }

    private static List<StockItemEvent> events(String stockItemId) {
        List<StockItemEvent> events = new ArrayList<>();
        if (AXON.eventStore().lastSequenceNumberFor(stockItemId).isPresent()) {
            AXON.eventStore().readEvents(stockItemId).asStream()
                    .forEach(e -> events.add((StockItemEvent) e.getPayload()));
        }
        return events;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> warehouse = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 30);
        Arbitrary<BigDecimal> cost = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("99.99"))
                .ofScale(2);
        Arbitrary<Step> receive = Combinators.combine(warehouse, quantity, cost,
                Arbitraries.of(ReceiptSource.PURCHASE_ORDER, ReceiptSource.OPENING_BALANCE, ReceiptSource.OTHER))
                .as(Receive::new);
        Arbitrary<Step> ship = Combinators.combine(warehouse, quantity).as(Ship::new);
        Arbitrary<Step> adjust = Combinators.combine(warehouse, Arbitraries.integers().between(-10, 10)
                .filter(d -> d != 0), Arbitraries.of(AdjustmentReason.class)).as(Adjust::new);
        Arbitrary<Step> ret = Combinators.combine(warehouse, Arbitraries.integers().between(1, 5),
                Arbitraries.of(ReturnDisposition.class)).as(Return::new);
        Arbitrary<Step> writeOff = Combinators.combine(warehouse, Arbitraries.integers().between(1, 3),
                Arbitraries.of(StockHold.class)).as(WriteOff::new);
        Arbitrary<Step> transfer = Combinators.combine(warehouse, Arbitraries.integers().between(1, 10))
                .as(Transfer::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, receive), Tuple.of(3, ship),
                        Tuple.of(2, adjust), Tuple.of(2, ret),
                        Tuple.of(1, writeOff), Tuple.of(2, transfer))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    /** The demo chart's shape: every rule's account, every enum mapped (which account does not matter here). */
    private static ChartOfAccounts chart() {
        List<Account> accounts = List.of(new Account("1150", "Provider clearing", AccountType.ASSET),
                new Account("1210", "Marketplace clearing", AccountType.ASSET),
                new Account("1300", "Inventory", AccountType.ASSET),
                new Account("1350", "In transit", AccountType.ASSET),
                new Account("2000", "Payables", AccountType.LIABILITY),
                new Account("2150", "GRNI", AccountType.LIABILITY),
                new Account("2300", "Deposits", AccountType.LIABILITY),
                new Account("5000", "COGS", AccountType.EXPENSE),
                new Account("5090", "Rounding", AccountType.EXPENSE),
                new Account("5300", "Returns written off", AccountType.EXPENSE),
                new Account("5400", "Stock losses and finds", AccountType.EXPENSE),
                new Account("6100", "Fees", AccountType.EXPENSE));
        Map<ReceiptSource, String> sources = new EnumMap<>(ReceiptSource.class);
        for (ReceiptSource source : ReceiptSource.values()) {
            sources.put(source, source == ReceiptSource.TRANSFER_IN ? "1350" : "2150");
        }
        Map<AdjustmentReason, String> reasons = new EnumMap<>(AdjustmentReason.class);
        for (AdjustmentReason reason : AdjustmentReason.values()) {
            reasons.put(reason, "5400");
        }
        return new ChartOfAccounts("EUR", accounts, new ChartOfAccounts.Postings("1300", "1350", "5000", "5090",
                "5300", "1150", "2300", sources, reasons,
                Map.of(StockHold.QUARANTINE, "5300", StockHold.REFURBISHMENT, "5300"),
                Map.of(FeeType.MARKETPLACE_COMMISSION, "6100",
                        FeeType.PAYMENT_PROCESSING, "6100",
                        FeeType.FULFILMENT, "6100",
                        FeeType.OTHER, "6100"),
                Map.of(FeeType.MARKETPLACE_COMMISSION, "1210",
                        FeeType.PAYMENT_PROCESSING, "1150",
                        FeeType.FULFILMENT, "2000",
                        FeeType.OTHER, "2000"),
                new ChartOfAccounts.Sales("1150", "6100", "6100", "6100", "6100", "6100", "2000", "5090",
                        Map.of("STANDARD", "2000"), Map.of(), "5090"),
                new ChartOfAccounts.Settlements(Map.of(SettlementSource.MARKETPLACE_REPORT, "1210",
                        SettlementSource.PAYOUT_REPORT, "1150"), "1150", "2000", "1150", "6100", "5090")), List.of());
    }

    private static Configuration axon() {
        // no auto-located modules: the Axon Server connector stays out of an in-memory configuration
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(EventJson.mapper()).build())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(StockItem.class)
                .registerComponent(Clock.class, c -> CLOCK)
                .registerComponent(ProductCatalog.class, c -> new InMemoryLookups.Catalog())
                .registerComponent(StockItemRegistry.class, c -> new InMemoryLookups.StockItems())
                .registerComponent(CountTolerance.class, c -> new CountTolerance(new CountSettings(2,
                        new BigDecimal("2"), new BigDecimal("100.00"))))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
