package com.omniops.events.order;

/** Units of an order line that no warehouse could reserve, waiting for stock (only where the channel allows it). */
public record LineBackorder(int lineNo, String sku, int quantity) {
}
