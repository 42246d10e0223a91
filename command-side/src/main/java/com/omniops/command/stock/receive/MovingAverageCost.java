package com.omniops.command.stock.receive;

import com.omniops.command.rule.ErrorCode;
import com.omniops.events.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static com.omniops.command.rule.BusinessRuleViolation.require;

/**
 * What one unit of a stock item is worth: the moving average of its receipts, in the currency of its first receipt.
 * Receipts revalue it; every other movement leaves at it. Four decimals; money shown to people is rounded later.
 */
public record MovingAverageCost(BigDecimal amount, String currency) {

    /** Before the first receipt: nothing on hand, no currency yet. */
    public static final MovingAverageCost NONE = new MovingAverageCost(BigDecimal.ZERO, null);

    public Money money() {
        return new Money(amount, currency);
    }

    /** The value of {@code units} at this cost (negative for a negative count of units). */
    public BigDecimal valueOf(int units) {
        return amount.multiply(BigDecimal.valueOf(units));
    }

    /** The average after receiving {@code quantity} units at {@code unitCost} onto {@code onHand} units. */
    public BigDecimal afterReceipt(int onHand, Money unitCost, int quantity) {
        BigDecimal value = valueOf(onHand).add(unitCost.amount().multiply(BigDecimal.valueOf(quantity)));
        return value.divide(BigDecimal.valueOf(onHand + quantity), Money.SCALE, RoundingMode.HALF_UP);
    }

    /**
     * ReceiptWithinMoneyRange: every receipt (a direct one, a goods receipt up to the over-receipt tolerance, a
     * transfer in) ends in a stock item, so checking here keeps the unit cost, the receipt's value and hence the
     * moving average within the stored money range.
     */
    public static void requireReceivable(Money unitCost, int quantity) {
        require(unitCost.amount().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                "The unit cost of a receipt cannot be negative.");
        BigDecimal receiptValue = unitCost.amount().multiply(BigDecimal.valueOf(quantity));
        require(Money.withinBounds(unitCost.amount()) && Money.withinBounds(receiptValue),
                ErrorCode.VALIDATION_FAILED, "A receipt of " + quantity + " units at "
                        + unitCost.amount().toPlainString() + " is outside the accepted money range: its "
                        + "unit cost and its value must not exceed " + Money.MAX_AMOUNT.toPlainString() + ", with at "
                        + "most " + Money.SCALE + " decimals.");
    }

    /**
     * ReceiptStaysInOneCurrency: units are averaged only with units of the same currency. A new item takes its
     * currency from its first receipt.
     */
    public void requireSameCurrency(Money unitCost, String stockItemId) {
        if (currency == null) {
            return;
        }
        require(unitCost.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                "Stock item " + stockItemId + " is valued in " + currency + "; a receipt in "
                        + unitCost.currency() + " cannot be averaged into it.");
    }
}
