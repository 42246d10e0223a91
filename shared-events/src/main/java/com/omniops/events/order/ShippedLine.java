package com.omniops.events.order;

public record ShippedLine(int lineNo, String sku, int quantity) {
}
