package com.omniops.bench.history;

import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Years of business as the apps would have stored it, generated in time order: a historical catalogue (channels,
 * products listed on them, stock items opened in three warehouses), then orders placed (OrderPlaced with the
 * StockReserved of each line, as one placement stores them), paid (PaymentCaptured), shipped (OrderShipped with the
 * StockIssued of each line) and delivered, with goods received whenever a stock item runs low. Every id starts with
 * {@value #PREFIX}, so nothing the benchmark creates ever touches these aggregates; every event carries the figures
 * its aggregate would have computed (on hand and reserved after, moving-average cost, tax contained in gross prices),
 * so a generated aggregate loads and accepts commands like a real one.
 * <p>
 * Exactly {@code events} events are produced: when the rest no longer fits a whole placement, no new order starts;
 * the shipments and deliveries due that still fit are stored (the last days' orders stay in flight, as at any moment
 * of a real business), and the last few events are goods receipts.
 */
final class HistoryGenerator {

    static final String PREFIX = "HIST-";
    private static final String[] WAREHOUSES = {PREFIX + "WH1", PREFIX + "WH2", PREFIX + "WH3"};
    private static final BigDecimal TAX_RATE = new BigDecimal("20");
    private static final int MAX_LINES = 3;
    /** Events one order stores over its life with the average of 2 lines: placed + 2 reserved, paid, shipped + 2 issued, delivered. */
    private static final double EVENTS_PER_ORDER = 8.0;

    /** Where the generated history goes (the loader writes it with COPY). */
    interface Sink {
        void event(String aggregateType, String aggregateId, long sequenceNumber, Object payload, Instant storedAt,
                   Map<String, String> metaData) throws Exception;

        void orderReference(String channelId, String channelOrderRef, String orderId) throws Exception;

        /** A placement that was sent with an Idempotency-Key: the stored first response. */
        void idempotencyKey(String user, String key, Instant at, String orderId) throws Exception;
    }

    record Channel(String id, ChannelType type, boolean pricesIncludeTax, List<String> warehouses, String user,
                   String skuPrefix) {
    }

    record Product(String sku, BigDecimal price, BigDecimal cost) {
    }

    static final class StockItem {
        final String id;
        final String sku;
        final String warehouseId;
        long sequence;
        int onHand;
        int reserved;
        BigDecimal averageCost;

        StockItem(String warehouseId, String sku) {
            this.id = StreamIds.stockItem(warehouseId, sku);
            this.sku = sku;
            this.warehouseId = warehouseId;
        }

        int available() {
            return onHand - reserved;
        }
    }

    /** An order whose life is still being written; {@code sequence} is its aggregate's next sequence number. */
    private static final class Placed {
        final String orderId;
        final List<LineAllocation> allocations;
        final BigDecimal gross;
        final String correlationId;
        long sequence = 1;

        Placed(String orderId, List<LineAllocation> allocations, BigDecimal gross, String correlationId) {
            this.orderId = orderId;
            this.allocations = allocations;
            this.gross = gross;
            this.correlationId = correlationId;
        }
    }

    /** A later step of an order's life, due at {@code at}. */
    private record Due(Instant at, long order, Kind kind, Placed placed, String shipmentId) {
        enum Kind { PAY, SHIP, DELIVER }
    }

    private final long events;
    private final Instant start;
    private final Instant end;
    private final SplittableRandom random;
    private final Sink sink;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private final Map<String, StockItem> stockItems = new LinkedHashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()) != 0
            ? a.at().compareTo(b.at()) : Long.compare(a.order(), b.order()));
    private final int skuCount;
    private long written;
    private long ordersPlaced;
    private long receipts;
    private long receiptItem;

    HistoryGenerator(long events, int skus, Instant end, Duration span, long seed, Sink sink) {
        this.events = events;
        this.skuCount = skus;
        this.end = end.truncatedTo(ChronoUnit.MILLIS);
        this.start = this.end.minus(span);
        this.random = new SplittableRandom(seed);
        this.sink = sink;
    }

    /** How many SKUs a history of {@code events} events gets by default: 1 per 2,500 events, 10 to 5,000. */
    static int defaultSkus(long events) {
        return (int) Math.max(10, Math.min(5_000, events / 2_500));
    }

    /** Events the catalogue alone takes: channels, products with one listing per channel, an opening receipt each. */
    static long catalogueEvents(int skus) {
        return 3 + (long) skus * (1 + 3) + (long) skus * WAREHOUSES.length;
    }

    void generate() throws Exception {
        if (events < catalogueEvents(skuCount)) {
            throw new IllegalArgumentException(events + " events do not hold the catalogue of " + skuCount
                    + " SKUs (" + catalogueEvents(skuCount) + " events); use more events or fewer SKUs");
        }
        catalogue();
        long plannedOrders = Math.max(1, (long) ((events - written) / EVENTS_PER_ORDER * 1.03));
        double stepMillis = (double) Duration.between(start.plus(Duration.ofDays(1)), end).toMillis() / plannedOrders;
        Instant firstOrder = start.plus(Duration.ofDays(1));
        boolean placing = true;
        long order = 0;
        while (true) {
            Instant next = placing ? firstOrder.plusMillis((long) (order * stepMillis)) : null;
            if (next != null && next.isAfter(end)) {
                placing = false;
                next = null;
            }
            Due step = due.peek();
            if (step != null && (next == null || !step.at().isAfter(next))) {
                due.poll();
                run(step);
                continue;
            }
            if (next == null) {
                break;
            }
            int lines = 1 + random.nextInt(MAX_LINES);
            // placement (1 + lines) and, in the worst case, one receipt per line before it
            if (remaining() < 1 + 2L * lines + (4L + 2L * lines)) {
                placing = false; // keep the rest for the shipments and deliveries already due
                continue;
            }
            place(order++, next, lines);
        }
        while (remaining() > 0) { // exactly `events`: the last few are goods receipts
            List<StockItem> items = new ArrayList<>(stockItems.values());
            StockItem item = items.get((int) (receiptItem++ % items.size()));
            receive(item, 100 + random.nextInt(400), ReceiptSource.PURCHASE_ORDER, end, user("purchasing"));
        }
    }

    long written() {
        return written;
    }

    long orders() {
        return ordersPlaced;
    }

    long receipts() {
        return receipts;
    }

    Instant start() {
        return start;
    }

    List<Channel> channels() {
        return channels;
    }

    List<Product> products() {
        return products;
    }

    Iterable<StockItem> stockItems() {
        return stockItems.values();
    }

    // ---- catalogue -------------------------------------------------------------------------------------------------

    private void catalogue() throws Exception {
        Map<String, String> admin = user("admin");
        Instant at = start;
        channels.add(new Channel(PREFIX + "WEB", ChannelType.WEBSITE, true, List.of(WAREHOUSES), "web-shop", "W-"));
        channels.add(new Channel(PREFIX + "MKT", ChannelType.MARKETPLACE, true,
                List.of(WAREHOUSES[1], WAREHOUSES[0], WAREHOUSES[2]), "amazon-connector", "M-"));
        channels.add(new Channel(PREFIX + "B2B", ChannelType.B2B, false,
                List.of(WAREHOUSES[2], WAREHOUSES[0]), "sales", "B-"));
        for (Channel c : channels) {
            at = at.plusSeconds(60);
            emit("Channel", StreamIds.channel(c.id()), 0, new ChannelRegistered(c.id(), "Historical " + c.type(),
                    c.type(), "EUR", c.pricesIncludeTax(), c.warehouses(), AllocationStrategy.PRIORITY, true, 0, at),
                    at, admin);
        }
        for (int i = 0; i < skuCount; i++) {
            String sku = PREFIX + "SKU-%05d".formatted(i);
            BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(19_800), 2); // 1.99 .. 199.98
            BigDecimal cost = price.multiply(BigDecimal.valueOf(40 + random.nextInt(30)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            products.add(new Product(sku, price, cost));
            at = at.plusMillis(500);
            emit("Product", sku, 0, new ProductRegistered(sku, "Historical product " + i, "EA", "STANDARD", at), at,
                    admin);
            long seq = 1;
            for (Channel c : channels) {
                at = at.plusMillis(200);
                emit("Product", sku, seq++, new ProductListedOnChannel(sku, c.id(), c.skuPrefix() + sku, at), at,
                        admin);
            }
        }
        Map<String, String> purchasing = user("purchasing");
        for (Product p : products) {
            for (String warehouse : WAREHOUSES) {
                StockItem item = new StockItem(warehouse, p.sku());
                item.averageCost = p.cost();
                stockItems.put(item.id, item);
                at = at.plusMillis(300);
                receive(item, 200 + random.nextInt(800), ReceiptSource.OPENING_BALANCE, at, purchasing);
            }
        }
    }

    // ---- orders ----------------------------------------------------------------------------------------------------

    private void place(long order, Instant at, int lineCount) throws Exception {
        Channel channel = channels.get(random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
        String orderId = uuid();
        String correlationId = uuid();
        Map<String, String> placedBy = metaData(channel.user(), channel.user().equals("sales") ? "SALES" : "CHANNEL",
                correlationId, uuid());
        List<OrderLine> lines = new ArrayList<>();
        List<LineAllocation> allocations = new ArrayList<>();
        List<StockItem> reservedFrom = new ArrayList<>();
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int lineNo = 1; lineNo <= lineCount; lineNo++) {
            int index;
            do {
                index = skewed(products.size());
            } while (!chosen.add(index));
            Product product = products.get(index);
            int quantity = 1 + random.nextInt(3);
            BigDecimal gross = OrderAmounts.priceBeforeDiscount(quantity, product.price());
            BigDecimal tax = channel.pricesIncludeTax() ? OrderAmounts.taxContainedIn(gross, TAX_RATE, 2)
                    : OrderAmounts.taxAddedTo(gross, TAX_RATE, 2);
            lines.add(new OrderLine(lineNo, product.sku(), quantity, product.price(), BigDecimal.ZERO.setScale(2),
                    tax));
            StockItem item = stockItems.get(StreamIds.stockItem(channel.warehouses().get(0), product.sku()));
            for (String warehouse : channel.warehouses()) { // PRIORITY: the first warehouse that has the units
                StockItem candidate = stockItems.get(StreamIds.stockItem(warehouse, product.sku()));
                if (candidate.available() >= quantity) {
                    item = candidate;
                    break;
                }
            }
            if (item.available() < quantity + 5) { // ran low: goods arrive first (the purchasing department's job)
                receive(item, 300 + random.nextInt(700), ReceiptSource.PURCHASE_ORDER, at,
                        user("purchasing"));
            }
            allocations.add(new LineAllocation(lineNo, product.sku(), item.warehouseId, quantity));
            reservedFrom.add(item);
        }
        // One placement transaction: the reservations, then the order (as OrderPlacement stores them).
        for (int i = 0; i < lineCount; i++) {
            StockItem item = reservedFrom.get(i);
            LineAllocation a = allocations.get(i);
            item.reserved += a.quantity();
            emit("StockItem", item.id, item.sequence++, new StockReserved(item.id, item.sku, item.warehouseId,
                    orderId, a.lineNo(), a.quantity(), item.onHand, item.reserved, at), at, placedBy);
        }
        BigDecimal shipping = channel.type() == ChannelType.B2B ? BigDecimal.ZERO.setScale(2) : new BigDecimal("4.95");
        OrderPlaced placed = new OrderPlaced(orderId, channel.id(), channel.skuPrefix() + "%09d".formatted(order),
                "HIST-CUST-" + random.nextInt(200_000), "EUR", channel.pricesIncludeTax(), lines, shipping,
                LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(2), allocations, List.of(), at);
        emit("Order", orderId, 0, placed, at, placedBy);
        sink.orderReference(channel.id(), placed.channelOrderRef(), orderId);
        if (random.nextInt(2) == 0) { // half the channels' calls carried an Idempotency-Key
            sink.idempotencyKey(channel.user(), uuid(), at, orderId);
        }
        ordersPlaced++;
        Placed p = new Placed(orderId, allocations, OrderAmounts.of(placed).gross(), correlationId);
        due.add(new Due(at.plusSeconds(30 + random.nextInt(600)), order, Due.Kind.PAY, p, null));
        due.add(new Due(at.plus(Duration.ofHours(4 + random.nextInt(40))), order, Due.Kind.SHIP, p, null));
    }

    private void run(Due step) throws Exception {
        Placed p = step.placed();
        Instant at = step.at();
        switch (step.kind()) {
            case PAY -> {
                if (remaining() < 1) {
                    return;
                }
                emit("Order", p.orderId, p.sequence++, new PaymentCaptured(p.orderId, uuid(),
                        new Money(p.gross, "EUR"), "psp", "PSP-" + Long.toHexString(random.nextLong()), at), at,
                        metaData("finance", "FINANCE", p.correlationId, uuid()));
            }
            case SHIP -> {
                // one shipment per warehouse the order was reserved in
                Map<String, List<LineAllocation>> byWarehouse = new LinkedHashMap<>();
                p.allocations.forEach(a -> byWarehouse.computeIfAbsent(a.warehouseId(), w -> new ArrayList<>())
                        .add(a));
                if (remaining() < (long) byWarehouse.size() * 2 + p.allocations.size()) {
                    return; // the rest of the history holds no more shipments: this order stays open
                }
                Map<String, String> warehouseUser = metaData("warehouse", "WAREHOUSE", p.correlationId, uuid());
                for (var shipment : byWarehouse.entrySet()) {
                    String shipmentId = uuid();
                    List<ShippedLine> shipped = new ArrayList<>();
                    for (LineAllocation a : shipment.getValue()) {
                        StockItem item = stockItems.get(StreamIds.stockItem(a.warehouseId(), a.sku()));
                        item.onHand -= a.quantity();
                        item.reserved -= a.quantity();
                        emit("StockItem", item.id, item.sequence++, new StockIssued(item.id, item.sku,
                                item.warehouseId, p.orderId, a.lineNo(), shipmentId, a.quantity(),
                                new Money(item.averageCost, "EUR"), item.onHand, item.reserved, at), at,
                                warehouseUser);
                        shipped.add(new ShippedLine(a.lineNo(), a.sku(), a.quantity()));
                    }
                    emit("Order", p.orderId, p.sequence++, new OrderShipped(p.orderId,
                            shipmentId, shipment.getKey(), shipped, "DHL", "JD" + (100_000_000L
                            + random.nextInt(900_000_000)), new BigDecimal("3.80"), at), at, warehouseUser);
                    due.add(new Due(at.plus(Duration.ofHours(20 + random.nextInt(80))), step.order(),
                            Due.Kind.DELIVER, p, shipmentId));
                }
            }
            case DELIVER -> {
                if (remaining() < 1) {
                    return;
                }
                emit("Order", p.orderId, p.sequence++, new OrderDelivered(p.orderId,
                        step.shipmentId(), at), at, metaData("warehouse", "WAREHOUSE", p.correlationId, uuid()));
            }
        }
    }

    private void receive(StockItem item, int quantity, ReceiptSource source, Instant at, Map<String, String> by)
            throws Exception {
        BigDecimal unitCost = item.averageCost;
        int before = Math.max(0, item.onHand);
        // moving average: (units before × average + units received × cost) / units after
        BigDecimal average = before == 0 ? unitCost : item.averageCost.multiply(BigDecimal.valueOf(before))
                .add(unitCost.multiply(BigDecimal.valueOf(quantity)))
                .divide(BigDecimal.valueOf(before + quantity), 4, RoundingMode.HALF_UP);
        item.onHand += quantity;
        item.averageCost = average;
        receipts++;
        emit("StockItem", item.id, item.sequence++, new StockReceived(item.id, item.sku, item.warehouseId, quantity,
                new Money(unitCost, "EUR"), source, source == ReceiptSource.OPENING_BALANCE ? "opening"
                : "HIST-PO-" + receipts, new Money(average, "EUR"), item.onHand, item.reserved, at), at, by);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void emit(String type, String aggregateId, long sequence, Object payload, Instant at,
                      Map<String, String> metaData) throws Exception {
        if (written >= events) {
            throw new IllegalStateException("more events than planned"); // the budget checks above prevent it
        }
        sink.event(type, aggregateId, sequence, payload, at, metaData);
        written++;
    }

    private long remaining() {
        return events - written;
    }

    /** A few SKUs sell much more than most (index ~ square of a uniform draw). */
    private int skewed(int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, (long) (u * u * size));
    }

    private Map<String, String> user(String name) {
        return metaData(name, name.toUpperCase(), uuid(), uuid());
    }

    private Map<String, String> metaData(String user, String roles, String correlationId, String requestId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("causationId", requestId);
        m.put("correlationId", correlationId);
        m.put("user", user);
        m.put("requestId", requestId);
        m.put("roles", roles);
        return m;
    }

    /** A version-4 UUID from the seeded generator, so a history is reproducible from its seed. */
    String uuid() {
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
