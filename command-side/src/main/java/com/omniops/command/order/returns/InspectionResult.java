package com.omniops.command.order.returns;

import com.omniops.command.stock.StockLevel;

import java.util.List;

/** The inspected return and the stock levels of the stock items its units were routed to. */
public record InspectionResult(ReturnResult returned, List<StockLevel> stock) {
}
