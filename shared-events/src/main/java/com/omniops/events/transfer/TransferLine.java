package com.omniops.events.transfer;

/** A SKU and the units requested to move (one line per SKU). */
public record TransferLine(int lineNo, String sku, int quantity) {
}
