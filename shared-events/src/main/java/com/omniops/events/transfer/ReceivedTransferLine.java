package com.omniops.events.transfer;

/** Units that arrived at the destination in one receipt; {@code receivedAfter} is the line's total received so far. */
public record ReceivedTransferLine(int lineNo, String sku, int quantity, int receivedAfter) {
}
