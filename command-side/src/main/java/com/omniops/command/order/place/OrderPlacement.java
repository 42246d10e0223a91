package com.omniops.command.order.place;

import com.omniops.command.channel.Channel;
import com.omniops.command.channel.ChannelRules;
import com.omniops.command.lookup.BackorderQueue;
import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.order.Order;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.events.StreamIds;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Places an order and reserves its stock in one unit of work, hence one database transaction: the StockReserved events
 * and the OrderPlaced event commit together or not at all, so a crash can never leave stock reserved for an order that
 * does not exist. Stock items are loaded (and locked) in ascending id order, so two placements never deadlock.
 */
@Component
public class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;
    private final Repository<Channel> channels;
    private final ProductCatalog catalog;
    private final StockItemRegistry stockItemRegistry;
    private final OrderReferences references;
    private final BackorderQueue backorderQueue;
    private final Clock clock;
    /** Looked up when first used: Axon's deadline manager is built from its configuration, which holds this handler. */
    private final ObjectProvider<DeadlineManager> deadlines;

    public OrderPlacement(Repository<Order> orders, Repository<StockItem> stockItems, Repository<Channel> channels,
                          ProductCatalog catalog, StockItemRegistry stockItemRegistry, OrderReferences references,
                          BackorderQueue backorderQueue, Clock clock, ObjectProvider<DeadlineManager> deadlines) {
        this.orders = orders;
        this.stockItems = stockItems;
        this.channels = channels;
        this.catalog = catalog;
        this.stockItemRegistry = stockItemRegistry;
        this.references = references;
        this.backorderQueue = backorderQueue;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @CommandHandler
    public PlacementResult handle(PlaceOrder received) {
        var existing = references.find(received.channelId(), received.channelOrderRef());
        if (existing.isPresent()) {
            return alreadyPlaced(received, existing.get());
        }
        ChannelRules rules = channelRules(received.channelId());
        requireChannelCurrency(received, rules);
        PlaceOrder command = withOurSkus(received);
        requireSellable(command);
        if (!references.claim(command.channelId(), command.channelOrderRef(), command.orderId())) {
            // placed concurrently (on another node) and committed while this placement waited on the reference
            return alreadyPlaced(command, references.find(command.channelId(), command.channelOrderRef())
                    .orElseThrow());
        }

        Set<String> skus = new TreeSet<>();
        command.lines().forEach(l -> skus.add(l.sku()));
        Map<String, Aggregate<StockItem>> loaded = new TreeMap<>();
        for (String id : stockItemRegistry.existing(rules.warehouseIds(), skus)) {
            loaded.put(id, stockItems.load(id)); // ascending id order = lock order
        }
        Map<String, Integer> available = new LinkedHashMap<>();
        loaded.forEach((id, item) -> available.put(id, item.invoke(StockItem::available)));

        List<Allocator.LineRequest> requests = IntStream.range(0, command.lines().size())
                .mapToObj(i -> new Allocator.LineRequest(i + 1, command.lines().get(i).sku(),
                        command.lines().get(i).quantity()))
                .toList();
        Allocator.Plan plan = Allocator.allocate(requests, rules.warehouseIds(), rules.allocationStrategy(),
                available);
        if (!plan.backorders().isEmpty() && !rules.backordersAllowed()) {
            throw insufficientStock(command, plan.backorders());
        }
        plan.allocations().stream()
                .sorted(Comparator.comparing((LineAllocation a) -> StreamIds.stockItem(a.warehouseId(), a.sku()))
                        .thenComparingInt(LineAllocation::lineNo))
                .forEach(a -> execute(loaded.get(StreamIds.stockItem(a.warehouseId(), a.sku())),
                        new ReserveStock(StreamIds.stockItem(a.warehouseId(), a.sku()), command.orderId(), a.lineNo(),
                                a.quantity())));

        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            PlaceOrder.Line l = command.lines().get(i);
            lines.add(new OrderLine(i + 1, l.sku(), l.quantity(), l.unitPrice(), l.discount(), l.taxAmount()));
        }
        RecordOrderPlacement record = new RecordOrderPlacement(command.orderId(), command.channelId(),
                command.channelOrderRef(), command.customerId(), command.currency(), rules.pricesIncludeTax(), lines,
                command.shippingCharge(),
                command.promisedShipDate(), plan.allocations(), plan.backorders());
        try {
            PlacementResult result = orders.newInstance(() -> new Order(record, clock, deadlines.getObject())).invoke(Order::placementResult);
            plan.backorders().forEach(b -> backorderQueue.add(command.orderId(), b.lineNo(), b.sku(),
                    rules.warehouseIds(), b.quantity(), command.promisedShipDate(), clock.instant()));
            // DEBUG, not INFO: at peak this line came once per order (hundreds a second) and its formatting and
            // appending cost CPU on the request thread. The placement is in the event store and on the query side's
            // order board; refusals and re-sent orders, the cases worth reading in a log, stay at INFO/WARN.
            log.debug("Order {} placed on {} ({}): {} allocations, {} backorders", command.orderId(),
                    command.channelId(), command.channelOrderRef(), plan.allocations().size(),
                    plan.backorders().size());
            return result;
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private PlacementResult alreadyPlaced(PlaceOrder command, String orderId) {
        log.info("Order {} from channel {} was already placed as {}", command.channelOrderRef(), command.channelId(),
                orderId);
        return orders.load(orderId).invoke(Order::placementResult).asExisting();
    }

    private ChannelRules channelRules(String channelId) {
        try {
            return channels.load(StreamIds.channel(channelId)).invoke(Channel::rules);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.UNKNOWN_CHANNEL, "Channel " + channelId + " is not registered.");
        }
    }

    /** A channel sells in one currency; a channel registered before channels had one accepts any, as it did. */
    private static void requireChannelCurrency(PlaceOrder command, ChannelRules rules) {
        if (rules.currency() != null && !rules.currency().equals(command.currency())) {
            throw new BusinessRuleViolation(ErrorCode.CURRENCY_MISMATCH, "Channel " + command.channelId()
                    + " sells in " + rules.currency() + "; an order in " + command.currency()
                    + " cannot be placed on it.", Map.of("field", "currency", "channelCurrency", rules.currency()));
        }
    }

    /** Lines that name the channel's own SKU get ours, through the channel's listings; the event stores ours. */
    private PlaceOrder withOurSkus(PlaceOrder command) {
        Set<String> channelSkus = new TreeSet<>();
        command.lines().stream().filter(l -> l.sku() == null).forEach(l -> channelSkus.add(l.channelSku()));
        if (channelSkus.isEmpty()) {
            return command;
        }
        Map<String, String> ours = catalog.skusListedAs(command.channelId(), channelSkus);
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            PlaceOrder.Line line = command.lines().get(i);
            if (line.sku() == null) {
                String sku = ours.get(line.channelSku());
                if (sku == null) {
                    throw new BusinessRuleViolation(ErrorCode.UNKNOWN_CHANNEL_SKU, "Channel " + command.channelId()
                            + " has no listing with channel SKU " + line.channelSku() + " (line " + (i + 1) + ").",
                            Map.of("field", "lines[" + i + "].channelSku"));
                }
                line = line.withSku(sku);
            }
            lines.add(line);
        }
        return new PlaceOrder(command.orderId(), command.channelId(), command.channelOrderRef(),
                command.customerId(), command.currency(), lines, command.shippingCharge(),
                command.promisedShipDate());
    }

    private void requireSellable(PlaceOrder command) {
        Set<String> skus = new TreeSet<>();
        command.lines().forEach(l -> skus.add(l.sku()));
        Map<String, ProductCatalog.SkuOnChannel> found = catalog.lookUp(command.channelId(), skus);
        for (String sku : skus) {
            ProductCatalog.SkuOnChannel status = found.get(sku);
            BusinessRuleViolation.require(status != null, ErrorCode.UNKNOWN_SKU,
                    "SKU " + sku + " is not a registered product.");
            BusinessRuleViolation.require(!status.discontinued(), ErrorCode.PRODUCT_DISCONTINUED,
                    "SKU " + sku + " is discontinued and can no longer be ordered.");
            BusinessRuleViolation.require(status.listed(), ErrorCode.SKU_NOT_LISTED_ON_CHANNEL,
                    "SKU " + sku + " is not listed on channel " + command.channelId() + ".");
        }
    }

    private static BusinessRuleViolation insufficientStock(PlaceOrder command, List<LineBackorder> shortages) {
        List<Map<String, Object>> lines = shortages.stream()
                .map(s -> Map.<String, Object>of("lineNo", s.lineNo(), "sku", s.sku(), "missing", s.quantity()))
                .toList();
        String summary = String.join(", ", shortages.stream()
                .map(s -> "line " + s.lineNo() + " (" + s.sku() + ") is short by " + s.quantity()).toList());
        return new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK,
                "Channel " + command.channelId() + " does not allow backorders and " + summary
                        + "; nothing was reserved.",
                Map.of("shortages", lines));
    }
}
