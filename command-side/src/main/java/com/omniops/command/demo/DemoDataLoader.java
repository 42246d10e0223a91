package com.omniops.command.demo;

import com.omniops.command.channel.register.RegisterChannel;
import com.omniops.command.purchasing.confirm.ConfirmPurchaseOrder;
import com.omniops.command.purchasing.draft.DraftPurchaseOrder;
import com.omniops.command.purchasing.receive.ReceivePurchaseOrder;
import com.omniops.command.purchasing.submit.SubmitPurchaseOrder;
import com.omniops.command.purchasing.supplier.RegisterSupplier;
import com.omniops.command.replenishment.SetReorderRule;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.count.ApproveStockCount;
import com.omniops.command.stock.count.CountResult;
import com.omniops.command.stock.count.CountStatus;
import com.omniops.command.stock.count.RecordStockCount;
import com.omniops.command.transfer.receive.ReceiveTransfer;
import com.omniops.command.transfer.request.RequestTransfer;
import com.omniops.command.transfer.ship.ShipTransfer;
import com.omniops.events.StreamIds;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.replenishment.ReorderMethod;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import java.util.TreeMap;
import com.omniops.command.config.DemoSettings;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.order.cancel.CancelOrder;
import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.RecordFee;
import com.omniops.command.order.returns.InspectReturn;
import com.omniops.command.order.returns.ReceiveReturn;
import com.omniops.command.order.returns.RequestReturn;
import com.omniops.command.order.returns.ReturnResult;
import com.omniops.command.refund.ApproveRefund;
import com.omniops.command.refund.IssueRefund;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundStatus;
import com.omniops.command.refund.RequestRefund;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.product.listing.ListProductOnChannel;
import com.omniops.command.product.register.RegisterProduct;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.stock.StockItemId;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.hold.ReleaseHeldStock;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.events.Money;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.refund.RefundSource;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.support.security.OmniOpsUser;
import com.omniops.support.security.Role;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Loads the demo merchant on first start (profile {@code demo}): four channels, two warehouses and a 3PL, 100 home
 * products, and about three months of orders with their payments and fees, shipments, deliveries, cancellations
 * (refunded), returns (inspected into every disposition, refunded) and replenishments. It drives the
 * {@link DemoClock} through the simulated months, so every event carries a past business instant and the dashboard
 * shows real trends. It sends ordinary commands: everything it creates went through the same rules as live traffic.
 * <p>
 * It runs on a thread of its own once the app is ready, so readiness never waits for it; it logs a progress line per
 * simulated day and records its start, progress and completion in {@code demo_load} ({@link DemoLoadRecord}). A load
 * that did not complete (the process was killed or stopped half way) is detected on the next start and reported,
 * never taken as loaded; it is not resumed (order ids are random and the policies react concurrently, so a resumed
 * run could not repeat the first one): the demo database is recreated ({@code ./run.sh --reset-demo}) instead.
 */
@Component
@Profile("demo")
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOADER = "demo-loader";
    private static final List<String> WAREHOUSES = List.of("WH-NORTH", "WH-SOUTH", "3PL-EAST");

    private final CommandGateway commands;
    private final DemoClock clock;
    private final ProductCatalog catalog;
    private final int days;
    private final int ordersPerDay;
    private final Random random;

    /** Demo suppliers and their mean lead time in days. */
    private static final Map<String, Integer> SUPPLIERS = Map.of("SUP-TEXTILES", 12, "SUP-KITCHEN", 8,
            "SUP-LIGHTING", 15, "SUP-HOMEWARE", 6);
    private static final int SUPPLIER_MINIMUM = 6;
    private static final BigDecimal VAT = new BigDecimal("20");

    private final Repository<StockItem> stockItems;
    private final PriorityQueue<Step> schedule = new PriorityQueue<>();
    private final Map<String, Integer> onOrder = new HashMap<>();
    private int purchaseOrders;
    private int counts;
    private int transfers;
    private final Map<String, Integer> estimatedAvailable = new HashMap<>();
    private int placed;
    private int rejected;
    private int returns;
    private int refusedSteps;
    private int refunds;
    private int commandsSent;

    private final DemoLoadRecord record;
    private final DemoLoadProgress progress;
    private final long seed;
    private volatile boolean stopping;
    private volatile Thread worker;

    public DemoDataLoader(CommandGateway commands, DemoClock clock, ProductCatalog catalog,
                          Repository<StockItem> stockItems, DataSource dataSource, DSLContext dsl,
                          DemoLoadProgress progress, DemoSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.catalog = catalog;
        this.stockItems = stockItems;
        this.days = settings.days();
        this.ordersPerDay = settings.ordersPerDay();
        this.random = new Random(settings.seed());
        this.seed = settings.seed();
        this.record = new DemoLoadRecord(dataSource, dsl);
        this.progress = progress;
    }

    private record Step(Instant at, long order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private record DemoChannel(String id, double share, int minQty, int maxQty, Set<String> skus) {
    }

    /** Starts the load in the background once the app is ready (health readiness is UP by then). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread thread = new Thread(this::loadIfNeeded, "demo-loader");
        thread.setDaemon(true); // a stop mid-load leaves an incomplete record, which the next start reports
        worker = thread;
        thread.start();
    }

    /** A graceful stop ends the load between two steps; it stays incomplete and the next start says so. */
    @EventListener(ContextClosedEvent.class)
    public void stop() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    void loadIfNeeded() {
        try {
            boolean locked = record.tryLock();
            try {
                Optional<DemoLoadRecord.Row> row = record.read();
                switch (DemoLoadRecord.decide(locked, row, catalog.exists("HOME-001"))) {
                    case LOAD -> load();
                    case ALREADY_LOADED -> {
                        DemoLoadRecord.Row done = row.orElseThrow();
                        progress.loaded(done.days(), done.ordersPlaced(), done.startedAt(), done.completedAt(),
                                record.events());
                        log.info("Demo data is already loaded (completed {}); nothing to do.", done.completedAt());
                    }
                    case LOADED_WITHOUT_RECORD -> {
                        progress.loaded(days, null, null, null, record.events());
                        log.info("Demo data is already loaded (by a version that kept no load record); nothing to do.");
                    }
                    case INTERRUPTED -> {
                        DemoLoadRecord.Row half = row.orElseThrow();
                        String message = "The demo load started at " + half.startedAt() + " stopped at day "
                                + half.progressDay() + " of " + half.days() + (half.failure() == null ? ""
                                : " (" + half.failure() + ")") + " and never completed: the demo data is incomplete."
                                + " Recreate the database to load it again: ./run.sh --reset-demo";
                        progress.set(DemoLoadProgress.State.INTERRUPTED, message);
                        log.error("Demo data load INTERRUPTED: {}", message);
                    }
                    case LOADING_ELSEWHERE -> {
                        progress.set(DemoLoadProgress.State.LOADING_ELSEWHERE, "another command-side node is loading");
                        log.info("Demo data is being loaded by another command-side node; nothing to do here.");
                    }
                }
            } finally {
                record.release();
            }
        } catch (RuntimeException | java.sql.SQLException e) {
            if (stopping) {
                log.warn("Demo data load stopped with the app at day {} of {}; the next start reports it as "
                        + "interrupted.", currentDay, days);
                return;
            }
            progress.set(DemoLoadProgress.State.FAILED, String.valueOf(e.getMessage()));
            try {
                record.failed(e.toString());
            } catch (RuntimeException ignored) {
                // the database may be what failed; the missing completion says enough
            }
            log.error("Demo data load failed at day {} of {}: {}", currentDay, days, e.toString(), e);
        }
    }

    private volatile int currentDay;

    private void load() {
        record.started(seed, days, ordersPerDay);
        progress.loading(days, clock.wallInstant());
        log.info("Demo data: loading {} days of history in the background (progress per simulated day below)", days);
        // The loader acts as its own user, so its commands and events carry an actor like any other.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new OmniOpsUser(LOADER, "", List.of(Role.SYSTEM), null), null,
                List.of(new SimpleGrantedAuthority(Role.SYSTEM.authority()))));
        long started = System.nanoTime();
        Instant end = clock.wallInstant().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(days));
        try {
            clock.set(start.minus(Duration.ofDays(1)));
            List<DemoCatalog.Item> items = DemoCatalog.items();
            List<DemoChannel> channels = setUpChannels(items);
            registerSuppliers();
            openingStock(items);
            log.info("Demo data: catalogue, channels, suppliers and opening stock done, {} events", record.events());
            scheduleOrders(items, channels, start, end);
            while (!schedule.isEmpty()) {
                if (stopping) {
                    throw new IllegalStateException("the app is stopping");
                }
                Step step = schedule.poll();
                if (step.at().isAfter(end)) {
                    break; // what would happen after "now" has simply not happened yet
                }
                int day = (int) Math.min(days, Duration.between(start, step.at()).toDays() + 1);
                if (day > currentDay) {
                    reportDay(day - 1);
                    currentDay = day;
                }
                clock.set(step.at());
                try {
                    step.action().run();
                } catch (BusinessRuleViolation refused) {
                    // the simulation guessed wrong (e.g. about stock); the rules said no, as they would live
                    log.debug("Demo step refused: {}", refused.getMessage());
                    refusedSteps++;
                }
            }
            clock.set(end);
            setReorderRules(items);
        } finally {
            clock.release();
            SecurityContextHolder.clearContext();
        }
        reportDay(days);
        record.completed(placed);
        DemoLoadRecord.Row done = record.read().orElseThrow();
        progress.loaded(days, placed, done.startedAt(), done.completedAt(), record.events());
        log.info("Demo data loaded in {} s: 100 products, 4 channels, 3 warehouses, {} orders placed (and paid), {} "
                        + "refused for lack of stock, {} returns, {} refunds, {} commands ({} refused).",
                (System.nanoTime() - started) / 1_000_000_000, placed, rejected, returns, refunds, commandsSent,
                refusedSteps);
    }

    /** One line per simulated day done: what run.sh shows while it waits, and the record's progress. */
    private void reportDay(int day) {
        if (day < 1) {
            return;
        }
        long events = record.events();
        record.progress(day);
        progress.day(day, events);
        log.info("Demo data: day {} of {} done, {} events, {} orders placed", day, days, events, placed);
    }

    private List<DemoChannel> setUpChannels(List<DemoCatalog.Item> items) {
        List<DemoChannel> channels = List.of(
                new DemoChannel("WEB", 0.40, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("MKT-AMAZON", 0.30, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("MKT-ETSY", 0.17, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("B2B-RESELLER", 0.13, 4, 12, new LinkedHashSet<>()));
        // The B2C channels' prices include 20 % VAT (gross); the B2B reseller's are net, VAT added.
        send(new RegisterChannel("WEB", "Own web shop", ChannelType.WEBSITE, "EUR", true, WAREHOUSES,
                AllocationStrategy.FEWEST_SPLITS, true, 0));
        send(new RegisterChannel("MKT-AMAZON", "Amazon marketplace", ChannelType.MARKETPLACE, "EUR", true,
                List.of("3PL-EAST", "WH-NORTH"), AllocationStrategy.PRIORITY, false, 2));
        send(new RegisterChannel("MKT-ETSY", "Etsy marketplace", ChannelType.MARKETPLACE, "EUR", true,
                List.of("WH-NORTH", "WH-SOUTH"), AllocationStrategy.MOST_STOCK, false, 1));
        send(new RegisterChannel("B2B-RESELLER", "Interior reseller (B2B)", ChannelType.B2B, "EUR", false,
                List.of("WH-SOUTH", "WH-NORTH"), AllocationStrategy.MOST_STOCK, true, 0));
        for (int i = 0; i < items.size(); i++) {
            DemoCatalog.Item item = items.get(i);
            send(new RegisterProduct(item.sku(), item.name(), "EA", "STANDARD"));
            for (DemoChannel channel : channels) {
                boolean listed = switch (channel.id()) {
                    case "WEB" -> true;
                    case "MKT-AMAZON" -> i % 10 < 7;
                    case "MKT-ETSY" -> i % 10 >= 4;
                    default -> i % 5 < 2;
                };
                if (listed) {
                    send(new ListProductOnChannel(item.sku(), channel.id(),
                            channel.id().substring(0, 3) + "-" + item.sku()));
                    channel.skus().add(item.sku());
                }
            }
        }
        return channels;
    }

    private void openingStock(List<DemoCatalog.Item> items) {
        for (DemoCatalog.Item item : items) {
            for (String warehouse : WAREHOUSES) {
                receive(warehouse, item, 20 + item.popularity() * 6 + random.nextInt(15), ReceiptSource.OPENING_BALANCE,
                        "OPENING");
            }
        }
    }

    private void scheduleOrders(List<DemoCatalog.Item> items, List<DemoChannel> channels, Instant start,
                                Instant end) {
        int totalWeight = items.stream().mapToInt(DemoCatalog.Item::popularity).sum();
        long sequence = 0;
        for (int day = 0; day < days; day++) {
            Instant dayStart = start.plus(Duration.ofDays(day));
            // Weekends sell more on the web; demand grows slowly over the quarter so the trend lines move.
            int weekday = LocalDate.ofInstant(dayStart, ZoneOffset.UTC).getDayOfWeek().getValue();
            double factor = (weekday >= 6 ? 1.25 : 1.0) * (0.85 + 0.3 * day / Math.max(1, days));
            int count = (int) Math.round(ordersPerDay * factor * (0.8 + random.nextDouble() * 0.4));
            for (int n = 0; n < count; n++) {
                Instant at = dayStart.plusSeconds(7 * 3600 + random.nextInt(15 * 3600));
                DemoChannel channel = pick(channels);
                List<PlaceOrder.Line> lines = lines(items, totalWeight, channel);
                if (lines.isEmpty()) {
                    continue;
                }
                schedule.add(new Step(at, sequence++, () -> placeAndFulfil(channel, lines)));
            }
            if (day % 7 == 6) {
                schedule.add(new Step(dayStart.plusSeconds(6 * 3600), sequence++, () -> replenish(items)));
            }
            if (day % 14 == 10) {
                schedule.add(new Step(dayStart.plusSeconds(18 * 3600), sequence++, () -> countSomeStock(items)));
            }
            if (day % 21 == 15) {
                schedule.add(new Step(dayStart.plusSeconds(8 * 3600), sequence++, () -> transferSomeStock(items)));
            }
        }
    }

    private void placeAndFulfil(DemoChannel channel, List<PlaceOrder.Line> lines) {
        Instant now = clock.instant();
        BigDecimal shipping = channel.id().startsWith("B2B") ? new BigDecimal("25.00")
                : random.nextInt(3) == 0 ? BigDecimal.ZERO : new BigDecimal("4.95");
        PlaceOrder order = new PlaceOrder(UUID.randomUUID().toString(), channel.id(),
                channel.id() + "-" + (100000 + placed + rejected), "CUST-" + (1 + random.nextInt(1800)), "EUR",
                lines, shipping, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(channel.id().startsWith("B2B")
                ? 5 : 2));
        PlacementResult result;
        try {
            result = send(order);
        } catch (BusinessRuleViolation refused) {
            rejected++;
            return;
        }
        placed++;
        result.allocations().forEach(a -> estimatedAvailable.merge(StockItemId.of(a.warehouseId(), a.sku()),
                -a.quantity(), Integer::sum));
        long sequence = placed * 10L;
        pay(channel, order);
        if (random.nextInt(100) < 3) {
            // The order was paid, so cancelling it requests a refund, which finance approves and pays out.
            Instant cancelAt = now.plus(Duration.ofHours(2 + random.nextInt(20)));
            schedule.add(new Step(cancelAt, sequence, () -> {
                CancellationResult cancelled = send(new CancelOrder(order.orderId(), "customer cancelled",
                        UUID.randomUUID().toString()));
                if (cancelled.refund() != null) {
                    refunds++;
                    String refundId = cancelled.refund().refundId();
                    schedule.add(new Step(cancelAt.plus(Duration.ofHours(20)), 2_000_000L + refunds,
                            () -> as("finance", Role.FINANCE, () -> send(new ApproveRefund(refundId, "finance")))));
                    schedule.add(new Step(cancelAt.plus(Duration.ofHours(30)), 2_000_000L + refunds,
                            () -> send(new IssueRefund(refundId, "RFD-" + refundId.substring(0, 8), null, false))));
                }
            }));
            result.allocations().forEach(a -> estimatedAvailable.merge(StockItemId.of(a.warehouseId(), a.sku()),
                    a.quantity(), Integer::sum));
            return;
        }
        // Most orders ship the next day; one in eight is late against its promise.
        Duration toShip = Duration.ofHours(random.nextInt(8) == 0 ? 60 + random.nextInt(48) : 14 + random.nextInt(22));
        Set<String> warehouses = new LinkedHashSet<>();
        result.allocations().stream().map(LineAllocation::warehouseId).forEach(warehouses::add);
        for (String warehouse : warehouses) {
            Instant shipAt = now.plus(toShip).plusSeconds(random.nextInt(3600));
            schedule.add(new Step(shipAt, sequence++, () -> {
                send(new ShipOrder(order.orderId(), UUID.randomUUID().toString(), warehouse, List.of(),
                        random.nextBoolean() ? "DHL" : "UPS", "TRK" + (1_000_000 + random.nextInt(8_999_999)),
                        BigDecimal.valueOf(390 + random.nextInt(400), 2), null));
            }));
        }
        Instant deliverAt = now.plus(toShip).plus(Duration.ofHours(30 + random.nextInt(72)));
        if (!warehouses.isEmpty() && result.backorders().isEmpty()) {
            schedule.add(new Step(deliverAt, sequence, () -> send(new ConfirmDelivery(order.orderId(), null,
                    null))));
            // About one delivered order in sixteen comes back.
            if (random.nextInt(16) == 0) {
                LineAllocation first = result.allocations().get(0);
                schedule.add(new Step(deliverAt.plus(Duration.ofDays(2 + random.nextInt(8))), sequence,
                        () -> returnAndRefund(order, first)));
            }
        }
    }

    /** The channel's payment provider captures the order total; marketplaces and card payments charge fees. */
    private void pay(DemoChannel channel, PlaceOrder order) {
        BigDecimal total = order.shippingCharge();
        for (PlaceOrder.Line line : order.lines()) {
            total = total.add(OrderAmounts.line(0, line.quantity(), line.unitPrice(), line.discount(),
                    line.taxAmount(), pricesIncludeTax(channel)).gross());
        }
        String provider = switch (channel.id()) {
            case "MKT-AMAZON" -> "AMAZON-PAY";
            case "MKT-ETSY" -> "ETSY-PAYMENTS";
            case "B2B-RESELLER" -> "BANK-TRANSFER";
            default -> "ADYEN";
        };
        send(new CapturePayment(order.orderId(), UUID.randomUUID().toString(), new Money(total, "EUR"), provider,
                "PSP-" + order.channelOrderRef()));
        if (channel.id().startsWith("MKT")) {
            send(new RecordFee(order.orderId(), UUID.randomUUID().toString(), FeeType.MARKETPLACE_COMMISSION,
                    new Money(total.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP), "EUR"),
                    "15% referral fee"));
        } else if (channel.id().equals("WEB")) {
            send(new RecordFee(order.orderId(), UUID.randomUUID().toString(), FeeType.PAYMENT_PROCESSING,
                    new Money(total.multiply(new BigDecimal("0.014")).add(new BigDecimal("0.25"))
                            .setScale(2, RoundingMode.HALF_UP), "EUR"), "card fee 1.4% + 0.25"));
        }
    }

    /**
     * A customer sends units of one line back: received where they left from, inspected a day later (mostly back to
     * stock, some refurbished, quarantined or written off), refunded (small ones approved by policy, the rest by
     * finance the next day) and paid out; one payout in ten fails first and is retried.
     */
    private void returnAndRefund(PlaceOrder order, LineAllocation line) {
        ReturnReason[] reasons = ReturnReason.values();
        ReturnReason reason = reasons[random.nextInt(reasons.length)];
        int quantity = 1 + random.nextInt(line.quantity());
        ReturnResult requested;
        try {
            requested = send(new RequestReturn(order.orderId(), "RMA-" + UUID.randomUUID(),
                    List.of(new RequestReturn.Line(line.lineNo(), quantity, reason, null))));
        } catch (BusinessRuleViolation notReturnable) {
            return; // e.g. the line was backordered in part and never fully delivered
        }
        returns++;
        String returnId = requested.returnId();
        Instant now = clock.instant();
        long sequence = 1_000_000L + returns * 10L;
        schedule.add(new Step(now.plus(Duration.ofDays(3)), sequence,
                () -> send(new ReceiveReturn(order.orderId(), returnId, line.warehouseId()))));
        schedule.add(new Step(now.plus(Duration.ofDays(4)), sequence + 1, () -> {
            int roll = random.nextInt(100);
            ReturnDisposition disposition = roll < 60 ? ReturnDisposition.RESALE : roll < 75
                    ? ReturnDisposition.REFURBISH : roll < 85 ? ReturnDisposition.QUARANTINE
                    : ReturnDisposition.WRITE_OFF;
            ItemCondition condition = disposition == ReturnDisposition.RESALE ? ItemCondition.AS_NEW
                    : disposition == ReturnDisposition.WRITE_OFF ? ItemCondition.DAMAGED : ItemCondition.DEFECTIVE;
            send(new InspectReturn(order.orderId(), returnId,
                    List.of(new InspectReturn.Entry(line.lineNo(), quantity, condition, disposition))));
            String refundId = UUID.randomUUID().toString();
            RefundResult refund = send(new RequestRefund(order.orderId(), refundId, null, null, List.of(),
                    "return " + reason.name().toLowerCase().replace('_', ' '), RefundSource.RETURN, returnId));
            refunds++;
            Instant inspectedAt = clock.instant();
            if (refund.status() == RefundStatus.REQUESTED) {
                schedule.add(new Step(inspectedAt.plus(Duration.ofDays(1)), sequence + 2,
                        () -> as("finance", Role.FINANCE, () -> send(new ApproveRefund(refundId, "finance")))));
            }
            boolean failsFirst = random.nextInt(10) == 0;
            schedule.add(new Step(inspectedAt.plus(Duration.ofDays(2)), sequence + 3, () -> send(failsFirst
                    ? new IssueRefund(refundId, null, "card expired", false)
                    : new IssueRefund(refundId, "RFD-" + refundId.substring(0, 8), null, false))));
            if (failsFirst) {
                schedule.add(new Step(inspectedAt.plus(Duration.ofDays(4)), sequence + 4,
                        () -> send(new IssueRefund(refundId, "RFD-" + refundId.substring(0, 8), null, true))));
            }
            if (disposition == ReturnDisposition.REFURBISH) {
                schedule.add(new Step(inspectedAt.plus(Duration.ofDays(7)), sequence + 5,
                        () -> send(new ReleaseHeldStock(StockItemId.of(line.warehouseId(), line.sku()),
                                StockHold.REFURBISHMENT, quantity, "refurbished and repacked"))));
            }
        }));
    }

    /**
     * Weekly purchasing: per warehouse and supplier, one purchase order for the SKUs running low (counting what is
     * already on order), submitted at once, confirmed the next day and received after the supplier's lead time.
     */
    private void replenish(List<DemoCatalog.Item> items) {
        for (String warehouse : WAREHOUSES) {
            Map<String, List<DraftPurchaseOrder.Line>> bySupplier = new TreeMap<>();
            for (DemoCatalog.Item item : items) {
                String stockItemId = StockItemId.of(warehouse, item.sku());
                int left = estimatedAvailable.getOrDefault(stockItemId, 0) + onOrder.getOrDefault(stockItemId, 0);
                int target = 25 + item.popularity() * 8;
                if (left < target / 2) {
                    int quantity = Math.max(SUPPLIER_MINIMUM, ((target - left + 5) / 6) * 6);
                    BigDecimal cost = item.unitCost().multiply(BigDecimal.valueOf(0.95 + random.nextDouble() * 0.1))
                            .setScale(2, RoundingMode.HALF_UP);
                    bySupplier.computeIfAbsent(supplierOf(item), s -> new ArrayList<>())
                            .add(new DraftPurchaseOrder.Line(item.sku(), quantity, cost));
                    onOrder.merge(stockItemId, quantity, Integer::sum);
                }
            }
            bySupplier.forEach((supplier, lines) -> purchase(supplier, warehouse, lines));
        }
    }

    private void purchase(String supplierId, String warehouse, List<DraftPurchaseOrder.Line> lines) {
        String purchaseOrderId = "PO-DEMO-" + (++purchaseOrders);
        send(new DraftPurchaseOrder(purchaseOrderId, supplierId, warehouse, lines, PurchaseOrderOrigin.MANUAL));
        send(new SubmitPurchaseOrder(purchaseOrderId));
        Instant now = clock.instant();
        long sequence = 3_000_000L + purchaseOrders * 10;
        schedule.add(new Step(now.plus(Duration.ofDays(1)), sequence, () ->
                send(new ConfirmPurchaseOrder(purchaseOrderId, null, List.of()))));
        int leadDays = SUPPLIERS.get(supplierId);
        schedule.add(new Step(now.plus(Duration.ofDays(leadDays)).plusSeconds(random.nextInt(20_000)), sequence + 1,
                () -> {
                    List<ReceivePurchaseOrder.Line> received = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        received.add(new ReceivePurchaseOrder.Line(i + 1, lines.get(i).quantity()));
                    }
                    send(new ReceivePurchaseOrder(purchaseOrderId, "GRN-" + purchaseOrderId, received));
                    lines.forEach(l -> {
                        String stockItemId = StockItemId.of(warehouse, l.sku());
                        onOrder.merge(stockItemId, -l.quantity(), Integer::sum);
                        estimatedAvailable.merge(stockItemId, l.quantity(), Integer::sum);
                    });
                }));
    }

    private void registerSuppliers() {
        SUPPLIERS.forEach((supplierId, leadDays) -> send(new RegisterSupplier(supplierId,
                supplierId.substring(4).charAt(0) + supplierId.substring(5).toLowerCase() + " supplier",
                BigDecimal.valueOf(leadDays), BigDecimal.valueOf(leadDays / 4.0), SUPPLIER_MINIMUM, "EUR")));
    }

    private static String supplierOf(DemoCatalog.Item item) {
        int product = (Integer.parseInt(item.sku().substring(5)) - 1) / 5; // 20 products in 5 variants
        return product < 6 ? "SUP-TEXTILES" : product < 11 ? "SUP-KITCHEN" : product < 15 ? "SUP-LIGHTING"
                : "SUP-HOMEWARE";
    }

    /** Every two weeks a few stock items are counted; most agree with the books, some are off by a unit or two. */
    private void countSomeStock(List<DemoCatalog.Item> items) {
        for (int i = 0; i < 6; i++) {
            DemoCatalog.Item item = items.get(random.nextInt(items.size()));
            String warehouse = WAREHOUSES.get(random.nextInt(WAREHOUSES.size()));
            String stockItemId = StockItemId.of(warehouse, item.sku());
            StockLevel book = stockLevel(stockItemId);
            if (book == null) {
                continue;
            }
            int[] variances = {0, 0, 0, 0, -1, 1, -2, -8};
            int counted = Math.max(book.reserved(), book.onHand() + variances[random.nextInt(variances.length)]);
            CountResult result = send(new RecordStockCount(stockItemId, "CNT-" + UUID.randomUUID(), counted,
                    "cycle count", LOADER));
            if (result.status() == CountStatus.PENDING && random.nextBoolean()) {
                // a finance user looks at the bigger variance the next morning
                String countId = result.countId();
                schedule.add(new Step(clock.instant().plus(Duration.ofHours(14)), 4_000_000L + (++counts), () ->
                        as("finance", Role.FINANCE, () -> send(new ApproveStockCount(stockItemId, countId, "finance",
                                "checked the bin: confirmed")))));
            }
        }
    }

    /** Now and then the south warehouse refills the 3PL with a few best sellers. */
    private void transferSomeStock(List<DemoCatalog.Item> items) {
        List<RequestTransfer.Line> lines = items.stream().filter(i -> i.popularity() >= 8).limit(3)
                .map(i -> new RequestTransfer.Line(i.sku(), 6)).toList();
        String transferId = "TR-DEMO-" + (++transfers);
        send(new RequestTransfer(transferId, "WH-SOUTH", "3PL-EAST", lines, "refill the 3PL"));
        send(new ShipTransfer(transferId, "DHL Freight", "TRF" + (100_000 + transfers)));
        lines.forEach(l -> estimatedAvailable.merge(StockItemId.of("WH-SOUTH", l.sku()), -l.quantity(),
                Integer::sum));
        schedule.add(new Step(clock.instant().plus(Duration.ofDays(2)), 5_000_000L + transfers, () -> {
            send(new ReceiveTransfer(transferId, "TRR-" + transferId, List.of()));
            lines.forEach(l -> estimatedAvailable.merge(StockItemId.of("3PL-EAST", l.sku()), l.quantity(),
                    Integer::sum));
        }));
    }

    /**
     * After the history: rules for the best sellers in WH-NORTH, so the replenishment policy has work — min/max for
     * the very best (popularity 9), service level 95 % with 60 units of cycle stock for the next ones, so the
     * recommendations also show forecasts, safety stock and reorder points from the simulated demand.
     */
    private void setReorderRules(List<DemoCatalog.Item> items) {
        items.stream().filter(i -> i.popularity() >= 7).forEach(item -> send(item.popularity() >= 9
                ? new SetReorderRule(StreamIds.reorderRule(StockItemId.of("WH-NORTH", item.sku())), item.sku(),
                        "WH-NORTH", supplierOf(item), ReorderMethod.MIN_MAX, minimumFor(item),
                        minimumFor(item) + 60, 6, null, false)
                : new SetReorderRule(StreamIds.reorderRule(StockItemId.of("WH-NORTH", item.sku())), item.sku(),
                        "WH-NORTH", supplierOf(item), ReorderMethod.SERVICE_LEVEL, 0, 60, 6,
                        new BigDecimal("0.95"), false)));
    }

    /** The best sellers get a minimum above what the weekly purchasing keeps, so the policy proposes orders. */
    private static int minimumFor(DemoCatalog.Item item) {
        return item.popularity() >= 9 ? 110 : 20 + item.popularity() * 3;
    }

    private StockLevel stockLevel(String stockItemId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            try {
                return stockItems.load(stockItemId).invoke(StockItem::level);
            } catch (AggregateNotFoundException e) {
                return null;
            }
        }).getPayload();
    }

    private void as(String user, Role role, Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new OmniOpsUser(user, "", List.of(role), null), null, List.of(new SimpleGrantedAuthority(
                        role.authority()))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void receive(String warehouse, DemoCatalog.Item item, int quantity, ReceiptSource source,
                         String reference) {
        // Supplier prices drift a little, so the moving-average cost moves too.
        BigDecimal cost = item.unitCost().multiply(BigDecimal.valueOf(0.95 + random.nextDouble() * 0.1))
                .setScale(2, RoundingMode.HALF_UP);
        StockLevel level = send(new ReceiveStock(StockItemId.of(warehouse, item.sku()), warehouse, item.sku(),
                quantity, new Money(cost, "EUR"), source, reference));
        estimatedAvailable.put(level.stockItemId(), level.available());
    }

    private List<PlaceOrder.Line> lines(List<DemoCatalog.Item> items, int totalWeight, DemoChannel channel) {
        int lineCount = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3));
        Map<String, PlaceOrder.Line> lines = new HashMap<>();
        for (int i = 0; i < lineCount * 3 && lines.size() < lineCount; i++) {
            DemoCatalog.Item item = pickItem(items, totalWeight);
            if (!channel.skus().contains(item.sku()) || lines.containsKey(item.sku())) {
                continue;
            }
            int quantity = channel.minQty() + random.nextInt(channel.maxQty() - channel.minQty() + 1);
            BigDecimal gross = item.price().multiply(BigDecimal.valueOf(quantity));
            BigDecimal discount = random.nextInt(6) == 0 ? gross.multiply(new BigDecimal("0.10"))
                    .setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            // 20 % VAT: contained in a gross channel's prices (16.00 contains 2.67), added to a net channel's.
            BigDecimal tax = pricesIncludeTax(channel) ? OrderAmounts.taxContainedIn(gross.subtract(discount), VAT, 2)
                    : OrderAmounts.taxAddedTo(gross.subtract(discount), VAT, 2);
            lines.put(item.sku(), new PlaceOrder.Line(item.sku(), quantity, item.price(), discount, tax));
        }
        return new ArrayList<>(lines.values());
    }

    /** As registered in {@link #setUpChannels}. */
    private static boolean pricesIncludeTax(DemoChannel channel) {
        return !channel.id().startsWith("B2B");
    }

    private DemoCatalog.Item pickItem(List<DemoCatalog.Item> items, int totalWeight) {
        int ticket = random.nextInt(totalWeight);
        for (DemoCatalog.Item item : items) {
            ticket -= item.popularity();
            if (ticket < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private DemoChannel pick(List<DemoChannel> channels) {
        double ticket = random.nextDouble();
        for (DemoChannel channel : channels) {
            ticket -= channel.share();
            if (ticket < 0) {
                return channel;
            }
        }
        return channels.get(0);
    }

    private <R> R send(Object command) {
        commandsSent++;
        return commands.sendAndWait(command);
    }
}
