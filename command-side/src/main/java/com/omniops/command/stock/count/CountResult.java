package com.omniops.command.stock.count;

import com.omniops.command.stock.StockLevel;
import com.omniops.events.stock.CountApprovalReason;

import java.math.BigDecimal;
import java.util.List;

/** What became of a count, with the stock level after it. {@code varianceValue} is in {@code level.currency}. */
public record CountResult(String countId, CountStatus status, int bookQuantity, int countedQuantity, int variance,
                          boolean withinTolerance, BigDecimal varianceValue, List<CountApprovalReason> approvalReasons,
                          StockLevel level) {
}
