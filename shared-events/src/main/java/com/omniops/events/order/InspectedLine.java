package com.omniops.events.order;

import com.omniops.events.stock.ReturnDisposition;

/** Returned units of one order line found in one condition and sent to one disposition. */
public record InspectedLine(int lineNo, String sku, int quantity, ItemCondition condition,
                            ReturnDisposition disposition) {
}
