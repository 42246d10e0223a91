package com.omniops.command.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The demo merchant's range: home goods, 20 products in 5 variants each. */
final class DemoCatalog {

    record Item(String sku, String name, BigDecimal price, BigDecimal unitCost, int popularity) {
    }

    private static final String[][] PRODUCTS = {
            {"Linen duvet cover", "89.00"}, {"Percale sheet set", "69.00"}, {"Wool throw", "79.00"},
            {"Feather pillow", "35.00"}, {"Cotton bath towel", "19.00"}, {"Bath mat", "24.00"},
            {"Stoneware mug", "12.00"}, {"Dinner plate", "16.00"}, {"Chef's knife", "59.00"},
            {"Cast iron pan", "49.00"}, {"Glass carafe", "22.00"}, {"Table lamp", "95.00"},
            {"Pendant shade", "65.00"}, {"Scented candle", "18.00"}, {"Ceramic vase", "29.00"},
            {"Wall mirror", "120.00"}, {"Storage basket", "27.00"}, {"Linen napkins (4)", "21.00"},
            {"Doormat", "32.00"}, {"Picture frame", "14.00"}};
    private static final String[] VARIANTS = {"Natural", "Charcoal", "Sage", "Terracotta", "White"};

    /**
     * "Table lamp, Charcoal": a moderate seller whose batch sold in the last 30 days has a faulty switch, so customers
     * send it back far more often than before (the unusual return rate alert of the demo's story).
     */
    static final String LEMON_SKU = "HOME-057";

    private DemoCatalog() {
    }

    static List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (int p = 0; p < PRODUCTS.length; p++) {
            for (int v = 0; v < VARIANTS.length; v++) {
                BigDecimal price = new BigDecimal(PRODUCTS[p][1]);
                // Costs land between 38% and 52% of the price, so margins differ by product.
                BigDecimal cost = price.multiply(BigDecimal.valueOf(38 + (p * 7 + v * 3) % 15))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                int popularity = 1 + ((p * 13 + v * 5) % 9); // 1 (slow mover) .. 9 (best seller)
                items.add(new Item(String.format("HOME-%03d", p * VARIANTS.length + v + 1),
                        PRODUCTS[p][0] + ", " + VARIANTS[v], price, cost, popularity));
            }
        }
        return items;
    }
}
