package com.omniops.command.demo;

import com.omniops.command.channel.register.RegisterChannel;
import com.omniops.command.product.listing.ListProductOnChannel;
import com.omniops.command.product.register.RegisterProduct;
import com.omniops.command.purchasing.supplier.RegisterSupplier;
import com.omniops.command.replenishment.rule.SetReorderRule;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.stock.ReceiptSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The demo merchant's master data: four channels with their listings of the catalogue, the suppliers, the opening
 * stock and, once the history is done, reorder rules for the best sellers.
 */
final class DemoMasterData {

    static final List<String> WAREHOUSES = List.of("WH-NORTH", "WH-SOUTH", "3PL-EAST");
    /** The Amazon marketplace sells from the 3PL first, keeping 2 units back. */
    static final List<String> AMAZON_WAREHOUSES = List.of("3PL-EAST", "WH-NORTH");
    static final int AMAZON_SAFETY_BUFFER = 2;
    /** Demo suppliers and their mean lead time in days. */
    private static final Map<String, Integer> SUPPLIERS = Map.of("SUP-TEXTILES", 12, "SUP-KITCHEN", 8,
            "SUP-LIGHTING", 15, "SUP-HOMEWARE", 6);
    static final int SUPPLIER_MINIMUM = 6;

    private final DemoRun run;

    DemoMasterData(DemoRun run) {
        this.run = run;
    }

    List<DemoChannel> setUpChannels(List<DemoCatalog.Item> items) {
        List<DemoChannel> channels = List.of(
                new DemoChannel("WEB", 0.40, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("MKT-AMAZON", 0.30, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("MKT-ETSY", 0.17, 1, 2, new LinkedHashSet<>()),
                new DemoChannel("B2B-RESELLER", 0.13, 4, 12, new LinkedHashSet<>()));
        // The B2C channels' prices include 20 % VAT (gross); the B2B reseller's are net, VAT added.
        run.send(new RegisterChannel("WEB", "Own web shop", ChannelType.WEBSITE, "EUR", true, WAREHOUSES,
                AllocationStrategy.FEWEST_SPLITS, true, 0));
        run.send(new RegisterChannel("MKT-AMAZON", "Amazon marketplace", ChannelType.MARKETPLACE, "EUR", true,
                AMAZON_WAREHOUSES, AllocationStrategy.PRIORITY, false, AMAZON_SAFETY_BUFFER));
        run.send(new RegisterChannel("MKT-ETSY", "Etsy marketplace", ChannelType.MARKETPLACE, "EUR", true,
                List.of("WH-NORTH", "WH-SOUTH"), AllocationStrategy.MOST_STOCK, false, 1));
        run.send(new RegisterChannel("B2B-RESELLER", "Interior reseller (B2B)", ChannelType.B2B, "EUR", false,
                List.of("WH-SOUTH", "WH-NORTH"), AllocationStrategy.MOST_STOCK, true, 0));
        for (int i = 0; i < items.size(); i++) {
            DemoCatalog.Item item = items.get(i);
            run.send(new RegisterProduct(item.sku(), item.name(), "EA", "STANDARD"));
            for (DemoChannel channel : channels) {
                boolean listed = switch (channel.id()) {
                    case "WEB" -> true;
                    case "MKT-AMAZON" -> i % 10 < 7;
                    case "MKT-ETSY" -> i % 10 >= 4;
                    default -> i % 5 < 2;
                };
                if (listed) {
                    run.send(new ListProductOnChannel(item.sku(), channel.id(),
                            channel.id().substring(0, 3) + "-" + item.sku()));
                    channel.skus().add(item.sku());
                }
            }
        }
        return channels;
    }

    void registerSuppliers() {
        SUPPLIERS.forEach((supplierId, leadDays) -> run.send(new RegisterSupplier(supplierId,
                supplierId.substring(4).charAt(0) + supplierId.substring(5).toLowerCase() + " supplier",
                BigDecimal.valueOf(leadDays), BigDecimal.valueOf(leadDays / 4.0), SUPPLIER_MINIMUM, "EUR")));
    }

    void openingStock(List<DemoCatalog.Item> items) {
        for (DemoCatalog.Item item : items) {
            for (String warehouse : WAREHOUSES) {
                receive(warehouse, item, 20 + item.popularity() * 6 + run.random.nextInt(15),
                        ReceiptSource.OPENING_BALANCE, "OPENING");
            }
        }
    }

    private void receive(String warehouse, DemoCatalog.Item item, int quantity, ReceiptSource source,
                         String reference) {
        // Supplier prices drift a little, so the moving-average cost moves too.
        BigDecimal cost = item.unitCost().multiply(BigDecimal.valueOf(0.95 + run.random.nextDouble() * 0.1))
                .setScale(2, RoundingMode.HALF_UP);
        StockLevel level = run.send(new ReceiveStock(StreamIds.stockItem(warehouse, item.sku()), warehouse,
                item.sku(), quantity, new Money(cost, "EUR"), source, reference));
        run.estimatedAvailable.put(level.stockItemId(), level.available());
    }

    /**
     * After the history: rules for the best sellers in WH-NORTH, so the replenishment policy has work — min/max for
     * the very best (popularity 9), service level 95 % with 60 units of cycle stock for the next ones, so the
     * recommendations also show forecasts, safety stock and reorder points from the simulated demand.
     */
    void setReorderRules(List<DemoCatalog.Item> items) {
        items.stream().filter(i -> i.popularity() >= 7).forEach(item -> run.send(item.popularity() >= 9
                ? new SetReorderRule(StreamIds.reorderRule(StreamIds.stockItem("WH-NORTH", item.sku())), item.sku(),
                        "WH-NORTH", supplierOf(item), ReorderMethod.MIN_MAX, minimumFor(item),
                        minimumFor(item) + 60, 6, null, false)
                : new SetReorderRule(StreamIds.reorderRule(StreamIds.stockItem("WH-NORTH", item.sku())), item.sku(),
                        "WH-NORTH", supplierOf(item), ReorderMethod.SERVICE_LEVEL, 0, 60, 6,
                        new BigDecimal("0.95"), false)));
    }

    /** The best sellers get a minimum above what the weekly purchasing keeps, so the policy proposes orders. */
    private static int minimumFor(DemoCatalog.Item item) {
        return item.popularity() >= 9 ? 110 : 20 + item.popularity() * 3;
    }

    static String supplierOf(DemoCatalog.Item item) {
        int product = (Integer.parseInt(item.sku().substring(5)) - 1) / 5; // 20 products in 5 variants
        return product < 6 ? "SUP-TEXTILES" : product < 11 ? "SUP-KITCHEN" : product < 15 ? "SUP-LIGHTING"
                : "SUP-HOMEWARE";
    }

    static int leadDays(String supplierId) {
        return SUPPLIERS.get(supplierId);
    }
}
