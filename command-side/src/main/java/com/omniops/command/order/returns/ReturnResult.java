package com.omniops.command.order.returns;

import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.ReturnLine;

import java.util.List;

/** A return as the order sees it after a command. {@code inspected} is empty until it was inspected. */
public record ReturnResult(String orderId, String returnId, ReturnStatus status, String warehouseId,
                           List<ReturnLine> lines, List<InspectedLine> inspected) {
}
