package com.omniops.command.stock;

/** Creates an empty stock item for {@code Repository.loadOrCreate}, as Axon does for CREATE_IF_MISSING commands. */
public final class StockItems {

    private StockItems() {
    }

    public static StockItem empty() {
        return new StockItem();
    }
}
