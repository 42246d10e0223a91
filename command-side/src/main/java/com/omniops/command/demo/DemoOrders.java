package com.omniops.command.demo;

import com.omniops.command.order.cancel.CancelOrder;
import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.ChargeFee;
import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.ReturnReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The demo's customers: each day's orders across the channels, and what becomes of each order — paid (with the
 * channel's fees), shipped per warehouse, delivered; a few cancelled, a few sent back ({@link DemoRefunds}).
 */
final class DemoOrders {

    private static final BigDecimal VAT = new BigDecimal("20");

    private final DemoRun run;
    private final DemoRefunds refunds;
    private final List<DemoCatalog.Item> items;
    private final List<DemoChannel> channels;
    private final int totalWeight;
    /** From this instant the lemon's new batch is on sale: two delivered orders in three send it back as defective. */
    private final Instant lemonBatchFrom;

    DemoOrders(DemoRun run, DemoRefunds refunds, List<DemoCatalog.Item> items, List<DemoChannel> channels,
               Instant lemonBatchFrom) {
        this.run = run;
        this.refunds = refunds;
        this.items = items;
        this.channels = channels;
        this.totalWeight = items.stream().mapToInt(DemoCatalog.Item::popularity).sum();
        this.lemonBatchFrom = lemonBatchFrom;
    }

    /**
     * Schedules the orders of one day: {@code count} orders between 07:00 and 22:00, each from a channel picked by
     * its share. Answers the next free step order.
     */
    long scheduleDay(Instant dayStart, int count, long sequence) {
        for (int n = 0; n < count; n++) {
            Instant at = dayStart.plusSeconds(7 * 3600 + run.random.nextInt(15 * 3600));
            DemoChannel channel = pick(channels);
            List<PlaceOrder.Line> lines = lines(channel);
            if (lines.isEmpty()) {
                continue;
            }
            run.schedule(at, sequence++, () -> placeAndFulfil(channel, lines));
        }
        return sequence;
    }

    private void placeAndFulfil(DemoChannel channel, List<PlaceOrder.Line> lines) {
        Instant now = run.clock.instant();
        BigDecimal shipping = channel.id().startsWith("B2B") ? new BigDecimal("25.00")
                : run.random.nextInt(3) == 0 ? BigDecimal.ZERO : new BigDecimal("4.95");
        PlaceOrder order = new PlaceOrder(UUID.randomUUID().toString(), channel.id(),
                channel.id() + "-" + (100000 + run.placed + run.rejected), "CUST-" + (1 + run.random.nextInt(1800)),
                "EUR", lines, shipping, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(channel.id()
                .startsWith("B2B") ? 5 : 2));
        PlacementResult result;
        try {
            result = run.send(order);
        } catch (BusinessRuleViolation refused) {
            run.rejected++;
            return;
        }
        run.placed++;
        result.allocations().forEach(a -> run.estimatedAvailable.merge(StreamIds.stockItem(a.warehouseId(), a.sku()),
                -a.quantity(), Integer::sum));
        long sequence = run.placed * 10L;
        pay(channel, order);
        if (run.random.nextInt(100) < 3) {
            // The order was paid, so cancelling it requests a refund, which finance approves and pays out.
            Instant cancelAt = now.plus(Duration.ofHours(2 + run.random.nextInt(20)));
            run.schedule(cancelAt, sequence, () -> {
                CancellationResult cancelled = run.send(new CancelOrder(order.orderId(), "customer cancelled",
                        UUID.randomUUID().toString()));
                refunds.afterCancellation(cancelAt, cancelled);
            });
            result.allocations().forEach(a -> run.estimatedAvailable.merge(StreamIds.stockItem(a.warehouseId(),
                    a.sku()), a.quantity(), Integer::sum));
            return;
        }
        // Most orders ship the next day; one in eight is late against its promise. The 3PL runs behind on top of
        // that: one of its shipments in four leaves two to four days later still (the channels it serves first, the
        // Amazon marketplace above all, pay for it in their on-time and perfect order rates).
        Duration toShip = Duration.ofHours(run.random.nextInt(8) == 0 ? 60 + run.random.nextInt(48)
                : 14 + run.random.nextInt(22));
        Set<String> warehouses = new LinkedHashSet<>();
        result.allocations().stream().map(LineAllocation::warehouseId).forEach(warehouses::add);
        Instant lastShipped = now.plus(toShip);
        for (String warehouse : warehouses) {
            Duration behind = warehouse.startsWith("3PL") && run.random.nextInt(4) == 0
                    ? Duration.ofHours(48 + run.random.nextInt(48)) : Duration.ZERO;
            Instant shipAt = now.plus(toShip).plus(behind).plusSeconds(run.random.nextInt(3600));
            lastShipped = shipAt.isAfter(lastShipped) ? shipAt : lastShipped;
            run.schedule(shipAt, sequence++, () -> {
                run.send(new ShipOrder(order.orderId(), UUID.randomUUID().toString(), warehouse, List.of(),
                        run.random.nextBoolean() ? "DHL" : "UPS", "TRK" + (1_000_000 + run.random.nextInt(8_999_999)),
                        BigDecimal.valueOf(390 + run.random.nextInt(400), 2), null));
            });
        }
        Instant deliverAt = lastShipped.plus(Duration.ofHours(30 + run.random.nextInt(72)));
        if (!warehouses.isEmpty() && result.backorders().isEmpty()) {
            run.schedule(deliverAt, sequence, () -> run.send(new ConfirmDelivery(order.orderId(), null, null)));
            LineAllocation lemon = result.allocations().stream()
                    .filter(a -> a.sku().equals(DemoCatalog.LEMON_SKU)).findFirst().orElse(null);
            if (lemon != null && !now.isBefore(lemonBatchFrom) && run.random.nextInt(3) < 2) {
                // the lemon's new batch: its switch fails, and customers send it back (the unusual return rate alert)
                run.schedule(deliverAt.plus(Duration.ofDays(1 + run.random.nextInt(4))), sequence,
                        () -> refunds.returnAndRefund(order, lemon, ReturnReason.DEFECTIVE));
            } else if (run.random.nextInt(16) == 0) {
                // about one delivered order in sixteen comes back
                LineAllocation first = result.allocations().get(0);
                run.schedule(deliverAt.plus(Duration.ofDays(2 + run.random.nextInt(8))), sequence,
                        () -> refunds.returnAndRefund(order, first, null));
            }
        }
    }

    /**
     * The last evening a best seller runs low on a marketplace: a buyer takes what it may sell of it there in a few
     * orders, leaving one unit to sell (the low-stock alert of the demo's story). The orders are placed and paid;
     * they ship after the simulated history ends.
     */
    void sellOutOnMarketplace(String channelId, List<String> warehouses, int safetyBuffer,
                              ToIntFunction<String> available) {
        DemoChannel channel = channels.stream().filter(c -> c.id().equals(channelId)).findFirst().orElseThrow();
        DemoCatalog.Item bestSeller = items.stream().filter(i -> channel.skus().contains(i.sku()))
                .max(Comparator.comparingInt(DemoCatalog.Item::popularity)).orElseThrow();
        int left = warehouses.stream().mapToInt(w -> available.applyAsInt(StreamIds.stockItem(w, bestSeller.sku())))
                .sum() - safetyBuffer;
        while (left > 1) {
            int quantity = Math.min(5, left - 1);
            BigDecimal gross = bestSeller.price().multiply(BigDecimal.valueOf(quantity));
            PlaceOrder order = new PlaceOrder(UUID.randomUUID().toString(), channel.id(),
                    channel.id() + "-" + (100000 + run.placed + run.rejected), "CUST-FLASH", "EUR",
                    List.of(new PlaceOrder.Line(bestSeller.sku(), quantity, bestSeller.price(), BigDecimal.ZERO,
                            OrderAmounts.taxContainedIn(gross, VAT, 2))),
                    BigDecimal.ZERO, LocalDate.ofInstant(run.clock.instant(), ZoneOffset.UTC).plusDays(2));
            run.send(order);
            run.placed++;
            pay(channel, order);
            left -= quantity;
        }
    }

    /** The channel's payment provider captures the order total; marketplaces and card payments charge fees. */
    private void pay(DemoChannel channel, PlaceOrder order) {
        BigDecimal total = total(order, channel);
        String provider = switch (channel.id()) {
            case "MKT-AMAZON" -> "AMAZON-PAY";
            case "MKT-ETSY" -> "ETSY-PAYMENTS";
            case "B2B-RESELLER" -> "BANK-TRANSFER";
            default -> "ADYEN";
        };
        run.send(new CapturePayment(order.orderId(), UUID.randomUUID().toString(), new Money(total, "EUR"), provider,
                "PSP-" + order.channelOrderRef()));
        if (channel.id().startsWith("MKT")) {
            BigDecimal fee = total.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP);
            run.send(new ChargeFee(order.orderId(), UUID.randomUUID().toString(), FeeType.MARKETPLACE_COMMISSION,
                    new Money(fee, "EUR"), "15% referral fee"));
            run.settlements.paid(channel, order, total, fee);
        } else if (channel.id().equals("WEB")) {
            BigDecimal fee = total.multiply(new BigDecimal("0.014")).add(new BigDecimal("0.25"))
                    .setScale(2, RoundingMode.HALF_UP);
            run.send(new ChargeFee(order.orderId(), UUID.randomUUID().toString(), FeeType.PAYMENT_PROCESSING,
                    new Money(fee, "EUR"), "card fee 1.4% + 0.25"));
            run.settlements.paid(channel, order, total, fee);
        }
    }

    /** What the order may capture: its gross as {@link OrderAmounts} values it (lines numbered as placement does). */
    private static BigDecimal total(PlaceOrder order, DemoChannel channel) {
        List<OrderLine> lines = new ArrayList<>();
        for (PlaceOrder.Line line : order.lines()) {
            lines.add(new OrderLine(lines.size() + 1, line.sku(), line.quantity(), line.unitPrice(), line.discount(),
                    line.taxAmount()));
        }
        return OrderAmounts.of(lines, order.shippingCharge(), channel.pricesIncludeTax()).gross();
    }

    private List<PlaceOrder.Line> lines(DemoChannel channel) {
        int lineCount = 1 + (run.random.nextInt(10) < 6 ? 0 : run.random.nextInt(3));
        Map<String, PlaceOrder.Line> lines = new HashMap<>();
        for (int i = 0; i < lineCount * 3 && lines.size() < lineCount; i++) {
            DemoCatalog.Item item = pickItem();
            if (!channel.skus().contains(item.sku()) || lines.containsKey(item.sku())) {
                continue;
            }
            int quantity = channel.minQty() + run.random.nextInt(channel.maxQty() - channel.minQty() + 1);
            BigDecimal gross = item.price().multiply(BigDecimal.valueOf(quantity));
            BigDecimal discount = run.random.nextInt(6) == 0 ? gross.multiply(new BigDecimal("0.10"))
                    .setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            // 20 % VAT: contained in a gross channel's prices (16.00 contains 2.67), added to a net channel's.
            BigDecimal tax = channel.pricesIncludeTax()
                    ? OrderAmounts.taxContainedIn(gross.subtract(discount), VAT, 2)
                    : OrderAmounts.taxAddedTo(gross.subtract(discount), VAT, 2);
            lines.put(item.sku(), new PlaceOrder.Line(item.sku(), quantity, item.price(), discount, tax));
        }
        return new ArrayList<>(lines.values());
    }

    private DemoCatalog.Item pickItem() {
        int ticket = run.random.nextInt(totalWeight);
        for (DemoCatalog.Item item : items) {
            ticket -= item.popularity();
            if (ticket < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    private DemoChannel pick(List<DemoChannel> channels) {
        double ticket = run.random.nextDouble();
        for (DemoChannel channel : channels) {
            ticket -= channel.share();
            if (ticket < 0) {
                return channel;
            }
        }
        return channels.get(0);
    }
}
