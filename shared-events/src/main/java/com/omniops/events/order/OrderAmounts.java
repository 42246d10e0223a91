package com.omniops.events.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The one rule for what an order's lines and the order are worth, used by the Order aggregate (payment and refund
 * limits), the read models and the demo, so a total can never mean two things.
 * <p>
 * A line is priced at {@code quantity × unitPrice − discount}. Whether that price includes tax is a property of the
 * channel, carried on the order ({@code OrderPlaced.pricesIncludeTax}):
 * <ul>
 *   <li>gross channel (B2C, prices include tax): the price is the line's gross; {@code taxAmount} is the tax
 *       <em>contained</em> in it; net = price − tax.</li>
 *   <li>net channel (B2B, prices exclude tax): the price is the line's net; {@code taxAmount} is <em>added</em>;
 *       gross = price + tax.</li>
 * </ul>
 * Either way net + tax = gross exactly (no rounding here: the tax amount is the channel's figure, already in the
 * currency's decimals). The <b>shipping charge</b> is a final amount the customer pays, the same on gross and net
 * channels: no tax is computed on it here, so it adds the same to the order's net and gross. The order's total (what
 * may be captured) is its gross: Σ line gross + shipping charge.
 */
public record OrderAmounts(List<Line> lines, BigDecimal shippingCharge, BigDecimal net, BigDecimal tax,
                           BigDecimal gross) {

    public OrderAmounts {
        lines = List.copyOf(lines);
    }

    /** One line's value; net + tax = gross. */
    public record Line(int lineNo, BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    /** The amounts of an order as it was placed. */
    public static OrderAmounts of(OrderPlaced order) {
        return of(order.lines(), order.shippingCharge(), order.pricesIncludeTax());
    }

    public static OrderAmounts of(List<OrderLine> orderLines, BigDecimal shippingCharge, boolean pricesIncludeTax) {
        BigDecimal shipping = nz(shippingCharge);
        BigDecimal net = shipping;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = shipping;
        List<Line> lines = new ArrayList<>();
        for (OrderLine orderLine : orderLines) {
            Line line = line(orderLine, pricesIncludeTax);
            lines.add(line);
            net = net.add(line.net());
            tax = tax.add(line.tax());
            gross = gross.add(line.gross());
        }
        return new OrderAmounts(lines, shipping, net, tax, gross);
    }

    public static Line line(OrderLine line, boolean pricesIncludeTax) {
        return line(line.lineNo(), line.quantity(), line.unitPrice(), line.discount(), line.taxAmount(),
                pricesIncludeTax);
    }

    /** A line from its stored figures; a null discount or tax counts as zero. */
    public static Line line(int lineNo, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxAmount,
                            boolean pricesIncludeTax) {
        BigDecimal price = priceBeforeDiscount(quantity, unitPrice).subtract(nz(discount));
        BigDecimal tax = nz(taxAmount);
        return pricesIncludeTax
                ? new Line(lineNo, price.subtract(tax), tax, price)
                : new Line(lineNo, price, tax, price.add(tax));
    }

    /** {@code quantity × unitPrice}: what a line costs before its discount (and, on a net channel, its tax). */
    public static BigDecimal priceBeforeDiscount(int quantity, BigDecimal unitPrice) {
        Objects.requireNonNull(unitPrice, "unitPrice");
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /**
     * What the customer paid for {@code units} of a line: the units' share of its gross, rounded half-up to the
     * decimals of {@code currency}. All of a line's units are worth exactly its gross.
     */
    public static BigDecimal unitsValue(OrderLine line, int units, boolean pricesIncludeTax, String currency) {
        return unitsShare(line(line, pricesIncludeTax).gross(), line.quantity(), units, currency);
    }

    /**
     * {@code units} of a line of {@code quantity} units worth {@code gross}: gross × units ÷ quantity, rounded half-up
     * to the decimals of {@code currency} (what {@link #unitsValue} computes, for a reader that kept only the line's
     * gross and quantity).
     */
    public static BigDecimal unitsShare(BigDecimal gross, int quantity, int units, String currency) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return gross.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(quantity), scale,
                RoundingMode.HALF_UP);
    }

    /** The line with {@code lineNo}, or an exception if the order has none. */
    public Line forLine(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No line " + lineNo));
    }

    /**
     * The tax contained in a gross amount at {@code ratePercent}, rounded half-up to {@code scale} decimals:
     * gross × rate / (100 + rate). 16.00 at 20 % contains 2.67.
     */
    public static BigDecimal taxContainedIn(BigDecimal gross, BigDecimal ratePercent, int scale) {
        return gross.multiply(ratePercent).divide(ratePercent.add(BigDecimal.valueOf(100)), scale,
                RoundingMode.HALF_UP);
    }

    /** The tax added to a net amount at {@code ratePercent}, rounded half-up to {@code scale} decimals. */
    public static BigDecimal taxAddedTo(BigDecimal net, BigDecimal ratePercent, int scale) {
        return net.multiply(ratePercent).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
