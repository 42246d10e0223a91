package com.omniops.projections.ledger;

import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderPlaced;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What the books know of one order, kept by the ledger from the order's own events (table ledger_order and its
 * lines): its lines as placed, how much of each has shipped, and where its money stands. A customer's money is a
 * <em>deposit</em> while what it pays for has not shipped, and the order is a <em>receivable</em> for what has shipped
 * and is not paid; a payment first settles the receivable, a shipment first uses up the deposits, so at most one of
 * the two is ever above zero.
 *
 * <p>
 * Amounts are in the order's currency; {@code depositsBook} and {@code receivableBook} are what the deposits and the
 * receivable stand at in the books, in the company currency (the same figures for an order in the company currency;
 * for another currency, at the rates of the days they arose).
 *
 * @param shippingPosted whether the shipping charge was income of a shipment already (it is of the first)
 * @param provider       the payment provider of the order's first payment (refunds go back through it); null before
 * @param lastSequence   the order's last event applied to this state: an event at or below it is applied already
 */
public record OrderBooks(String orderId, String channelId, String currency, BigDecimal shippingCharge,
                         boolean shippingPosted, String provider, BigDecimal deposits, BigDecimal receivable,
                         BigDecimal depositsBook, BigDecimal receivableBook, long lastSequence, List<Line> lines) {

    public OrderBooks {
        lines = List.copyOf(lines);
    }

    /**
     * One order line: its value after discount without tax ({@code net}), its tax, its discount without tax, and the
     * units shipped so far.
     *
     * @param taxCategory the tax category of its SKU when the order was placed; null when the SKU was never registered
     */
    public record Line(int lineNo, String sku, int quantity, BigDecimal net, BigDecimal tax, BigDecimal discountNet,
                       String taxCategory, int shipped) {

        /**
         * The part of {@code amount} (a figure of the whole line) that {@code units} shipped units carry, rounded
         * half-up to {@code scale}. Shares are taken cumulatively (share of the units shipped after, minus share of
         * the units shipped before), so a line shipped in parts adds up to exactly its whole.
         */
        BigDecimal shareOf(BigDecimal amount, int shippedBefore, int units, int scale) {
            return cumulative(amount, shippedBefore + units, scale).subtract(cumulative(amount, shippedBefore, scale));
        }

        /** The part of {@code amount} the first {@code units} units of the line carry. */
        BigDecimal cumulative(BigDecimal amount, int units, int scale) {
            return amount.multiply(BigDecimal.valueOf(units))
                    .divide(BigDecimal.valueOf(quantity), scale, RoundingMode.HALF_UP);
        }
    }

    /** The books' state of an order just placed: nothing shipped, no money. */
    public static OrderBooks placed(OrderPlaced order, long sequence, Map<String, String> taxCategoryBySku) {
        int scale = Currency.getInstance(order.currency()).getDefaultFractionDigits();
        List<Line> lines = new ArrayList<>();
        order.lines().forEach(orderLine -> {
            OrderAmounts.Line amounts = OrderAmounts.line(orderLine, order.pricesIncludeTax());
            BigDecimal discount = orderLine.discount() == null ? BigDecimal.ZERO : orderLine.discount();
            lines.add(new Line(orderLine.lineNo(), orderLine.sku(), orderLine.quantity(), amounts.net(), amounts.tax(),
                    discountNet(discount, amounts, order.pricesIncludeTax(), scale),
                    taxCategoryBySku.get(orderLine.sku()), 0));
        });
        BigDecimal shipping = order.shippingCharge() == null ? BigDecimal.ZERO : order.shippingCharge();
        return new OrderBooks(order.orderId(), order.channelId(), order.currency(), shipping, false, null,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, sequence, lines);
    }

    /**
     * A line's discount without tax. On a net channel the discount is stated without tax already; on a gross channel
     * it contained tax at the line's rate, so it is scaled by net ÷ gross of the line and rounded to the currency.
     */
    static BigDecimal discountNet(BigDecimal discount, OrderAmounts.Line line, boolean pricesIncludeTax, int scale) {
        if (!pricesIncludeTax || discount.signum() == 0 || line.gross().signum() == 0) {
            return discount;
        }
        return discount.multiply(line.net()).divide(line.gross(), scale, RoundingMode.HALF_UP);
    }

    /** The line with {@code lineNo}; a shipment of a line the books do not know is a bug upstream. */
    Line line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow(() ->
                new IllegalStateException("order " + orderId + " has no line " + lineNo + " in the books"));
    }
}
