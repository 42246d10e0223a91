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

    /** An entry and the order's state in the books after it. */
    public record Posted(JournalEntry entry, OrderBooks after) {
    }

    /**
     * A shipment: for the shipped units' share of each line, revenue before discount and the discount (both without
     * tax), and the tax to its category's account; the whole shipping charge with the order's first shipment; all of
     * it owed as a receivable, at once settled from the order's deposits as far as they go. The carrier's charge, if
     * the shipment states one, is a shipping cost owed to the carrier. (Its cost of goods is posted from StockIssued.)
     */
    public Posted shipped(OrderShipped event, long sequence, OrderBooks before) {
        int scale = scale(before);
        List<JournalLine> lines = new ArrayList<>();
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
            lines.add(credit(to.revenue(), net.add(discount), line.sku()));
            lines.add(debit(to.discounts(), discount, line.sku()));
            lines.add(credit(taxAccount(line, before.orderId()), tax, line.sku()));
            gross = gross.add(net).add(tax);
            linesAfter.set(linesAfter.indexOf(line), new OrderBooks.Line(line.lineNo(), line.sku(), line.quantity(),
                    line.net(), line.tax(), line.discountNet(), line.taxCategory(),
                    line.shipped() + shipped.quantity()));
        }
        if (!before.shippingPosted()) {
            lines.add(credit(to.shippingIncome(), before.shippingCharge()));
            gross = gross.add(before.shippingCharge());
        }
        BigDecimal fromDeposits = gross.min(before.deposits());
        lines.add(debit(to.receivables(), gross));
        lines.add(debit(postings.customerDeposits(), fromDeposits));
        lines.add(credit(to.receivables(), fromDeposits));
        if (event.shippingCost() != null) {
            BigDecimal cost = amount(event.shippingCost(), before);
            lines.add(debit(to.shippingCost(), cost));
            lines.add(credit(to.shippingCostPayable(), cost));
        }
        JournalEntry entry = new JournalEntry("Shipment " + event.shipmentId() + " of order " + before.orderId()
                + " (" + before.channelId() + ")", before.orderId(), null, event.warehouseId(), event.shipmentId(),
                lines);
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), true, before.provider(), before.deposits().subtract(fromDeposits),
                before.receivable().add(gross).subtract(fromDeposits), sequence, linesAfter));
    }

    /**
     * A payment, into its provider's clearing account: it settles what the order owes for shipped goods first; the
     * rest is a customer deposit until the goods ship.
     */
    public Posted paymentCaptured(PaymentCaptured event, long sequence, OrderBooks before) {
        BigDecimal amount = companyAmount(event.amount(), before);
        BigDecimal toReceivable = amount.min(before.receivable());
        BigDecimal toDeposits = amount.subtract(toReceivable);
        JournalEntry entry = new JournalEntry("Payment " + event.paymentId() + " captured (" + event.provider() + ")",
                before.orderId(), null, null, event.paymentId(), List.of(
                debit(chart.clearingOf(event.provider()), amount),
                credit(to.receivables(), toReceivable),
                credit(postings.customerDeposits(), toDeposits)));
        String provider = before.provider() != null ? before.provider() : event.provider();
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), before.shippingPosted(), provider, before.deposits().add(toDeposits),
                before.receivable().subtract(toReceivable), sequence, before.lines()));
    }

    /**
     * A refund paid out through the provider of the order's first payment. It gives back deposits first (money for
     * what never shipped); the rest reverses revenue. That rest is taken to pay back shipped goods: its tax is split
     * per tax category in proportion to the tax in the gross of the goods shipped so far (rounded half-up to the
     * currency; exact when the order's goods share one rate, a blend of the rates when they do not), and the rest,
     * without tax, is a sales return.
     */
    public Posted refunded(OrderRefunded event, long sequence, OrderBooks before) {
        int scale = scale(before);
        BigDecimal amount = companyAmount(event.amount(), before);
        BigDecimal fromDeposits = amount.min(before.deposits());
        BigDecimal reversed = amount.subtract(fromDeposits);
        List<JournalLine> lines = new ArrayList<>();
        lines.add(credit(chart.clearingOf(before.provider()), amount));
        lines.add(debit(postings.customerDeposits(), fromDeposits));
        if (reversed.signum() > 0) {
            if (!before.shippingPosted()) {
                throw new IllegalStateException("refund " + event.refundId() + " of order " + before.orderId()
                        + " pays back " + reversed.toPlainString() + " more than the order's deposits, and nothing "
                        + "of it has shipped");
            }
            Map<String, BigDecimal> shippedTax = new TreeMap<>();
            BigDecimal shippedGoods = BigDecimal.ZERO;
            for (OrderBooks.Line line : before.lines()) {
                BigDecimal tax = line.cumulative(line.tax(), line.shipped(), scale);
                shippedTax.merge(taxAccount(line, before.orderId()), tax, BigDecimal::add);
                shippedGoods = shippedGoods.add(line.cumulative(line.net(), line.shipped(), scale)).add(tax);
            }
            BigDecimal taxTotal = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> tax : shippedTax.entrySet()) {
                BigDecimal share = shippedGoods.signum() == 0 ? BigDecimal.ZERO
                        : reversed.multiply(tax.getValue()).divide(shippedGoods, scale, RoundingMode.HALF_UP);
                lines.add(debit(tax.getKey(), share));
                taxTotal = taxTotal.add(share);
            }
            lines.add(debit(to.returns(), reversed.subtract(taxTotal)));
        }
        JournalEntry entry = new JournalEntry("Refund " + event.refundId() + " of order " + before.orderId(),
                before.orderId(), null, null, event.refundId(), lines);
        return new Posted(entry, new OrderBooks(before.orderId(), before.channelId(), before.currency(),
                before.shippingCharge(), before.shippingPosted(), before.provider(),
                before.deposits().subtract(fromDeposits), before.receivable(), sequence, before.lines()));
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

    private BigDecimal companyAmount(Money money, OrderBooks order) {
        if (!money.currency().equals(order.currency())) {
            throw new IllegalStateException("an amount in " + money.currency() + " on order " + order.orderId()
                    + ", which is in " + order.currency());
        }
        return amount(money.amount(), order);
    }

    /** An amount of the order, in its currency, which must be the books' (no exchange rates are configured yet). */
    private BigDecimal amount(BigDecimal amount, OrderBooks order) {
        if (!order.currency().equals(chart.companyCurrency())) {
            throw new PostingRules.ForeignCurrency(new Money(amount, order.currency()), chart.companyCurrency());
        }
        return amount;
    }

    private static int scale(OrderBooks order) {
        return Currency.getInstance(order.currency()).getDefaultFractionDigits();
    }
}
