package com.omniops.command.order.returns;

import com.omniops.events.order.ItemCondition;
import com.omniops.events.stock.ReturnDisposition;

import java.util.List;

/**
 * Handled by {@link ReturnInspection}: records the inspection of every returned unit on the order and routes each
 * disposition to the receiving warehouse's stock item, in one transaction. A line may be split over several entries
 * (e.g. 2 units RESALE, 1 WRITE_OFF); the entries of a line must add up to its returned quantity.
 */
public record InspectReturn(String orderId, String returnId, List<Entry> lines) {

    public InspectReturn {
        lines = List.copyOf(lines);
    }

    public record Entry(int lineNo, int quantity, ItemCondition condition, ReturnDisposition disposition) {
    }
}
