package com.omniops.projections.ledger;

import static com.omniops.projections.ledger.JournalLine.credit;
import static com.omniops.projections.ledger.JournalLine.debit;

import com.omniops.events.Money;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ShippedLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The posting rules of selling (docs/ledger.md "Posting rules"): a shipment earns revenue, a payment settles what is
 * owed or is held as a deposit, a refund gives back a deposit or reverses revenue. Pure, like {@link PostingRules}:
 * every figure comes from the event and from the order's state in the books ({@link OrderBooks}), which the ledger
 * keeps from the order's own earlier events. Each rule answers the entry and the order's state after it.
 * <p>
 * <b>Other currencies</b>: an order's figures are in its currency; each line is converted at the rate of the event's
 * business date ({@link ChartOfAccounts#rate}), rounded half-up to {@value Money#SCALE} decimals, except the lines
 * that settle what the books already hold for the order (its deposits used by a shipment or given back by a refund,
 * its receivable settled by a payment), which leave at the value they stand at in the books. What that leaves
 * unbalanced, the realised exchange difference and the rounding of the conversion, goes to the exchange-differences
 * account. An order in the company currency converts at 1 and must balance without such a line.
 */
public final class OrderPostingRules {

    private final ChartOfAccounts chart;
    private final ChartOfAccounts.Sales to;
    private final ChartOfAccounts.Postings postings;

    public OrderPostingRules(ChartOfAccounts chart) {
        this.chart = chart;
        this.postings = chart.postings();
        this.to = postings.sales();
    }

    /** What a refund pays back of one order line, tax included (RefundRequested's line). */
    public record RefundShare(int lineNo, BigDecimal amount) {
    }

    /** An entry and the order's state in the books after it. */
    public record Posted(JournalEntry entry, OrderBooks after) {
    }

    /**
     * A shipment: for the shipped units' share of each line, revenue before discount and the discount (both without
     * tax), and the tax to its category's account; the whole shipping charge with the order's first shipment. What the
     * order's deposits cover is taken from them, the rest is owed as a receivable. The carrier's charge, if the
     * shipment states one, is a shipping cost owed to the carrier. (Its cost of goods is posted from StockIssued.)
     * <p>
     * In another currency, the part the deposits cover is worth what the deposits stand at in the books (the rate of
     * the days they were paid), the rest the rate of the shipment's day; the revenue, discount, tax and shipping lines
     * share that value in proportion (rounded half-up), so a shipment paid in advance realises no exchange difference
     * beyond rounding.
     */
    public Posted shipped(OrderShipped event, long sequence, OrderBooks before) {
        int scale = scale(before);
        Fx fx = fx(before, event.shippedAt());
        List<Amount> amounts = new ArrayList<>();
        List<OrderBooks.Line> linesAfter = new ArrayList<>(before.lines());
        BigDecimal gross = BigDecimal.ZERO;
        for (ShippedLine shipped : event.lines()) {
            // from the lines as this shipment left them so far: a shipment may name one line twice
            OrderBooks.Line line = linesAfter.stream().filter(l -> l.lineNo() == shipped.lineNo()).findFirst()
                    .orElseGet(() -> before.line(shipped.lineNo()));
            if (line.shipped() + shipped.quantity() > line.quantity()) {
                throw new IllegalStateException("shipment " + event.shipmentId() + " ships " + shipped.quantity()
                        + " of line " + line.lineNo() + " of order " + before.orderId() + ", which has "
                        + (line.quantity() - line.shipped()) + " left to ship in the books");
            }
            BigDecimal net = line.shareOf(line.net(), line.shipped(), shipped.quantity(), scale);
            BigDecimal tax = line.shareOf(line.tax(), line.shipped(), shipped.quantity(), scale);
            BigDecimal discount = line.shareOf(line.discountNet(), line.shipped(), shipped.quantity(), scale);
            amounts.add(new Amount(to.revenue(), net.add(discount).negate(), line.sku()));
            amounts.add(new Amount(to.discounts(), discount, line.sku()));
            amounts.add(new Amount(taxAccount(line, before.orderId()), tax.negate(), line.sku()));
            gross = gross.add(net).add(tax);
            linesAfter.set(linesAfter.indexOf(line), new OrderBooks.Line(line.lineNo(), line.sku(), line.quantity(),
                    line.net(), line.tax(), line.discountNet(), line.taxCategory(),
                    line.shipped() + shipped.quantity()));
        }
        if (!before.shippingPosted()) {
            amounts.add(new Amount(to.shippingIncome(), before.shippingCharge().negate(), null));
            gross = gross.add(before.shippingCharge());
        }
        BigDecimal fromDeposits = gross.min(before.deposits());
        BigDecimal depositsUsed = bookShare(before.depositsBook(), fromDeposits, before.deposits());
        BigDecimal owed = fx.at(gross.subtract(fromDeposits));
        BigDecimal value = depositsUsed.add(owed);
        List<JournalLine> lines = new ArrayList<>();
        for (Amount amount : amounts) {
            // each line's share of what the shipment is worth in the company currency (in it: the amount itself)
            BigDecimal company = gross.signum() == 0 ? BigDecimal.ZERO
                    : amount.debit().multiply(value).divide(gross, Money.SCALE, RoundingMode.HALF_UP);
            lines.add(debit(amount.account(), company, amount.sku()));
        }
        lines.add(debit(to.receivables(), owed));
        lines.add(debit(postings.customerDeposits(), depositsUsed));
        if (event.shippingCost() != null) {
            BigDecimal cost = fx.at(event.shippingCost());
            lines.add(debit(to.shippingCost(), cost));
            lines.add(credit(to.shippingCostPayable(), cost));
        }
        JournalEntry entry = fx.entry("Shipment " + event.shipmentId() + " of order " + before.orderId()
                + " (" + before.channelId() + ")", before.orderId(), event.warehouseId(), event.shipmentId(), lines);
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), true, before.provider(), before.deposits().subtract(fromDeposits),
                before.receivable().add(gross).subtract(fromDeposits), before.depositsBook().subtract(depositsUsed),
                before.receivableBook().add(owed), sequence, linesAfter));
    }

    /** An amount of the order's currency for one account, as a debit (a credit is negative). */
    private record Amount(String account, BigDecimal debit, String sku) {
    }

    /**
     * A payment, into its provider's clearing account: it settles what the order owes for shipped goods first; the
     * rest is a customer deposit until the goods ship.
     */
    public Posted paymentCaptured(PaymentCaptured event, long sequence, OrderBooks before) {
        BigDecimal amount = orderAmount(event.amount(), before);
        Fx fx = fx(before, event.capturedAt());
        BigDecimal toReceivable = amount.min(before.receivable());
        BigDecimal toDeposits = amount.subtract(toReceivable);
        BigDecimal receivableSettled = bookShare(before.receivableBook(), toReceivable, before.receivable());
        BigDecimal deposited = fx.at(toDeposits);
        JournalEntry entry = fx.entry("Payment " + event.paymentId() + " captured (" + event.provider() + ")",
                before.orderId(), null, event.paymentId(), new ArrayList<>(List.of(
                debit(chart.clearingOf(event.provider()), fx.at(amount)),
                credit(to.receivables(), receivableSettled),
                credit(postings.customerDeposits(), deposited))));
        String provider = before.provider() != null ? before.provider() : event.provider();
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), before.shippingPosted(), provider, before.deposits().add(toDeposits),
                before.receivable().subtract(toReceivable), before.depositsBook().add(deposited),
                before.receivableBook().subtract(receivableSettled), sequence, before.lines()));
    }

    /**
     * A refund paid out through the provider of the order's first payment. It gives back deposits first (money for
     * what never shipped); the rest reverses revenue, split into tax and sales returns (without tax):
     * <ul>
     *   <li>a refund of order lines ({@code lines}, from its RefundRequested) spreads the rest over its lines in
     *       proportion to their amounts, and each line's part carries that line's tax (part × tax ÷ (net + tax)),
     *       to its tax category, with its SKU;</li>
     *   <li>a refund of a plain amount (goodwill, a price adjustment) is taken to pay back shipped goods: its tax per
     *       tax category in proportion to the tax in the gross of the goods shipped so far.</li>
     * </ul>
     * Every part is rounded half-up to the currency; the sales return takes what the tax does not.
     */
    public Posted refunded(OrderRefunded event, long sequence, OrderBooks before, List<RefundShare> refundLines) {
        int scale = scale(before);
        BigDecimal amount = orderAmount(event.amount(), before);
        Fx fx = fx(before, event.refundedAt());
        BigDecimal fromDeposits = amount.min(before.deposits());
        BigDecimal depositsBack = bookShare(before.depositsBook(), fromDeposits, before.deposits());
        BigDecimal reversed = amount.subtract(fromDeposits);
        List<JournalLine> lines = new ArrayList<>();
        lines.add(credit(chart.clearingOf(before.provider()), fx.at(amount)));
        lines.add(debit(postings.customerDeposits(), depositsBack));
        if (reversed.signum() > 0) {
            if (!before.shippingPosted()) {
                throw new IllegalStateException("refund " + event.refundId() + " of order " + before.orderId()
                        + " pays back " + reversed.toPlainString() + " more than the order's deposits, and nothing "
                        + "of it has shipped");
            }
            BigDecimal lineTotal = refundLines.stream().map(RefundShare::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            if (lineTotal.signum() > 0) {
                reverseLines(reversed, lineTotal, refundLines, before, fx, scale, lines);
            } else {
                reverseShippedMix(reversed, before, fx, scale, lines);
            }
        }
        JournalEntry entry = fx.entry("Refund " + event.refundId() + " of order " + before.orderId(),
                before.orderId(), null, event.refundId(), lines);
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), before.shippingPosted(), before.provider(),
                before.deposits().subtract(fromDeposits), before.receivable(),
                before.depositsBook().subtract(depositsBack), before.receivableBook(), sequence, before.lines()));
    }

    /** The reversed part of a refund of order lines: per line, its share with that line's tax. */
    private void reverseLines(BigDecimal reversed, BigDecimal lineTotal, List<RefundShare> refundLines,
                              OrderBooks order, Fx fx, int scale, List<JournalLine> lines) {
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal cumulative = BigDecimal.ZERO;
        for (RefundShare refunded : refundLines) {
            // cumulative shares, so the parts add up to exactly what is reversed
            cumulative = cumulative.add(refunded.amount());
            BigDecimal upTo = reversed.multiply(cumulative).divide(lineTotal, scale, RoundingMode.HALF_UP);
            BigDecimal part = upTo.subtract(before);
            before = upTo;
            OrderBooks.Line line = order.line(refunded.lineNo());
            BigDecimal gross = line.net().add(line.tax());
            BigDecimal tax = gross.signum() == 0 ? BigDecimal.ZERO
                    : part.multiply(line.tax()).divide(gross, scale, RoundingMode.HALF_UP);
            lines.add(debit(taxAccount(line, order.orderId()), fx.at(tax), line.sku()));
            lines.add(debit(to.returns(), fx.at(part.subtract(tax)), line.sku()));
        }
    }

    /** The reversed part of a refund of a plain amount: tax in the mix of what has shipped. */
    private void reverseShippedMix(BigDecimal reversed, OrderBooks order, Fx fx, int scale, List<JournalLine> lines) {
        Map<String, BigDecimal> shippedTax = new TreeMap<>();
        BigDecimal shippedGoods = BigDecimal.ZERO;
        for (OrderBooks.Line line : order.lines()) {
            BigDecimal tax = line.cumulative(line.tax(), line.shipped(), scale);
            shippedTax.merge(taxAccount(line, order.orderId()), tax, BigDecimal::add);
            shippedGoods = shippedGoods.add(line.cumulative(line.net(), line.shipped(), scale)).add(tax);
        }
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> tax : shippedTax.entrySet()) {
            BigDecimal share = shippedGoods.signum() == 0 ? BigDecimal.ZERO
                    : reversed.multiply(tax.getValue()).divide(shippedGoods, scale, RoundingMode.HALF_UP);
            lines.add(debit(tax.getKey(), fx.at(share)));
            taxTotal = taxTotal.add(share);
        }
        lines.add(debit(to.returns(), fx.at(reversed.subtract(taxTotal))));
    }

    private String taxAccount(OrderBooks.Line line, String orderId) {
        String account = line.taxCategory() == null ? null : to.taxPayable().get(line.taxCategory());
        if (account == null) {
            throw new IllegalStateException("order " + orderId + " line " + line.lineNo() + " (" + line.sku()
                    + ") has tax category " + line.taxCategory() + ", which omniops.ledger.postings.sales.tax-payable "
                    + "does not map to an account");
        }
        return account;
    }

    private static BigDecimal orderAmount(Money money, OrderBooks order) {
        if (!money.currency().equals(order.currency())) {
            throw new IllegalStateException("an amount in " + money.currency() + " on order " + order.orderId()
                    + ", which is in " + order.currency());
        }
        return money.amount();
    }

    /**
     * The part of a balance's book value that {@code part} of its {@code whole} (in the order's currency) carries:
     * all of it when the whole is used, else in proportion, rounded half-up.
     */
    private static BigDecimal bookShare(BigDecimal book, BigDecimal part, BigDecimal whole) {
        if (part.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (part.compareTo(whole) >= 0) {
            return book;
        }
        return book.multiply(part).divide(whole, Money.SCALE, RoundingMode.HALF_UP);
    }

    private Fx fx(OrderBooks order, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new Fx(order.currency(), chart.rate(order.currency(), day));
    }

    /** The conversion of one event's amounts: the rate of its business date. */
    private final class Fx {
        private final String currency;
        private final BigDecimal rate;

        Fx(String currency, BigDecimal rate) {
            this.currency = currency;
            this.rate = rate;
        }

        /** An amount of the order's currency in the company currency. */
        BigDecimal at(BigDecimal amount) {
            return amount.multiply(rate).setScale(Money.SCALE, RoundingMode.HALF_UP);
        }

        /**
         * The entry; for another currency with the exchange difference that balances it and the rate it used. In the
         * company currency nothing is added: an unbalanced entry is then a bug ({@link JournalEntry.UnbalancedEntry}).
         */
        JournalEntry entry(String description, String orderId, String warehouseId, String reference,
                           List<JournalLine> lines) {
            if (currency.equals(chart.companyCurrency())) {
                return new JournalEntry(description, orderId, null, warehouseId, reference, lines);
            }
            BigDecimal difference = BigDecimal.ZERO;
            for (JournalLine line : lines) {
                difference = difference.add(line.debit()).subtract(line.credit());
            }
            List<JournalLine> balanced = new ArrayList<>(lines);
            balanced.add(credit(to.exchangeDifferences(), difference));
            return new JournalEntry(description, orderId, null, warehouseId, reference, balanced,
                    new JournalEntry.Conversion(currency, rate));
        }
    }

    private static int scale(OrderBooks order) {
        return Currency.getInstance(order.currency()).getDefaultFractionDigits();
    }
}
