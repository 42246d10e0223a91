package com.omniops.command.demo;

import java.util.Set;

/**
 * A demo sales channel: its {@code share} of the orders, how many units a line orders, and the SKUs listed on it
 * (filled in while the catalogue is listed).
 */
record DemoChannel(String id, double share, int minQty, int maxQty, Set<String> skus) {

    /** As registered in {@link DemoMasterData#setUpChannels}: only the B2B reseller's prices are net. */
    boolean pricesIncludeTax() {
        return !id.startsWith("B2B");
    }
}
