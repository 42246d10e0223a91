package com.omniops.system.faults;

import com.omniops.system.support.TestMerchant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault tests trade: one warehouse, one channel selling from it without backorders, {@code skus} with 1,000
 * units each, and a scarce SKU with 6, which sells out during a load so that refusing to oversell is put to the test.
 */
record TradeCatalogue(String warehouse, String channel, List<String> skus, String scarceSku) {

    static TradeCatalogue create(String commandUrl, int plentifulSkus) {
        TestMerchant merchant = new TestMerchant(() -> commandUrl);
        String warehouse = merchant.id("NORTH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < plentifulSkus; i++) {
            String sku = merchant.product(channel);
            merchant.receive(warehouse, sku, 1000, "4.00");
            skus.add(sku);
        }
        String scarce = merchant.product(channel);
        merchant.receive(warehouse, scarce, 6, "4.00");
        return new TradeCatalogue(warehouse, channel, List.copyOf(skus), scarce);
    }
}
