package com.omniops.command.order;

import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static com.omniops.command.rule.BusinessRuleViolation.require;

/**
 * The lines of an order as placed, and what the customer paid for them ({@link OrderAmounts} is the rule; this only
 * knows the order's currency and whether its channel's prices include tax).
 */
public record OrderLines(String orderId, String currency, boolean pricesIncludeTax, Map<Integer, OrderLine> byNo) {

    public OrderLines {
        byNo = Map.copyOf(byNo);
    }

    public static OrderLines of(OrderPlaced placed) {
        Map<Integer, OrderLine> byNo = new TreeMap<>();
        placed.lines().forEach(l -> byNo.put(l.lineNo(), l));
        return new OrderLines(placed.orderId(), placed.currency(), placed.pricesIncludeTax(), byNo);
    }

    /** The line with that number, or a rule violation naming the order. */
    public OrderLine line(int lineNo) {
        OrderLine line = byNo.get(lineNo);
        require(line != null, ErrorCode.VALIDATION_FAILED, "Order " + orderId + " has no line " + lineNo + ".");
        return line;
    }

    /** What the customer paid for {@code units} of the line, in the order's currency. */
    public BigDecimal unitsValue(OrderLine line, int units) {
        return OrderAmounts.unitsValue(line, units, pricesIncludeTax, currency);
    }
}
