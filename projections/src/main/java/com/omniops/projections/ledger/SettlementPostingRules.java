package com.omniops.projections.ledger;

import static com.omniops.projections.ledger.JournalLine.credit;
import static com.omniops.projections.ledger.JournalLine.debit;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRowKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an imported settlement or payout posts (docs/ledger.md "Settlements"): the clearing-account method. The
 * buyers' payments a marketplace or provider collected are already in its clearing account (each PaymentCaptured
 * debited it), and so are the fees the orders recorded as estimates. The settlement states what it actually kept:
 * <ul>
 *   <li>order fees (commission, fulfilment, payment processing, other) of a matched order: the settled fee is the
 *       order's expense against the clearing account, and the estimates the order recorded of the same fee types are
 *       reversed (they replaced nothing else), so the order's margin carries the settled fee; fees of no known order
 *       are an expense of no order;</li>
 *   <li>reserves held (released) move to (from) the reserves account, account fees are an expense, rows no rule knows
 *       and a total the rows do not explain go to suspense;</li>
 *   <li>the total leaves the clearing account for the bank (negative: a payable to the marketplace).</li>
 * </ul>
 * Sales rows (price, tax, shipping, promotions, refunds) post nothing of their own: they are what the clearing account
 * already holds, and the deposit takes them out. So once a settlement is posted, the clearing account keeps exactly
 * what was collected and not yet settled. Pure: every figure comes from the event and the orders' fees as the ledger
 * keeps them.
 */
final class SettlementPostingRules {

    private final ChartOfAccounts chart;

    SettlementPostingRules(ChartOfAccounts chart) {
        this.chart = chart;
    }

    /**
     * The fees a settlement states for one of its orders, and the estimates of that order not yet replaced.
     *
     * @param settled   per fee type, the sum of its rows (negative: the marketplace kept it), settlement currency
     * @param estimated per fee type, the fees the order recorded (positive: a cost), company currency
     */
    record OrderFees(String orderId, Map<FeeType, BigDecimal> settled, Map<FeeType, BigDecimal> estimated) {
    }

    /** The fee type an order fee row of a settlement is. */
    static FeeType feeType(SettlementRowKind kind) {
        return switch (kind) {
            case COMMISSION -> FeeType.MARKETPLACE_COMMISSION;
            case FULFILMENT_FEE -> FeeType.FULFILMENT;
            case PAYMENT_FEE -> FeeType.PAYMENT_PROCESSING;
            case OTHER_FEE -> FeeType.OTHER;
            case PRINCIPAL, TAX, SHIPPING, PROMOTION, RESERVE, ACCOUNT_FEE, UNKNOWN ->
                    throw new IllegalArgumentException(kind + " is not an order fee");
        };
    }

    /** The fee types whose estimates the entry replaces, per order (for the ledger's fee table). */
    static Map<String, List<FeeType>> replaced(List<OrderFees> orders) {
        Map<String, List<FeeType>> replaced = new java.util.LinkedHashMap<>();
        for (OrderFees order : orders) {
            List<FeeType> types = order.settled().keySet().stream()
                    .filter(type -> order.estimated().containsKey(type)).toList();
            if (!types.isEmpty()) {
                replaced.put(order.orderId(), types);
            }
        }
        return replaced;
    }

    JournalEntry imported(SettlementImported event, List<OrderFees> orders) {
        ChartOfAccounts.Settlements to = chart.postings().settlements();
        String currency = event.total().currency();
        BigDecimal rate = chart.rate(currency, LocalDate.ofInstant(event.depositDate(), ZoneOffset.UTC));
        String clearing = to.clearing().get(event.source());
        List<JournalLine> lines = new ArrayList<>();

        Map<FeeType, BigDecimal> matched = new EnumMap<>(FeeType.class);
        for (OrderFees order : orders) {
            order.settled().forEach((type, settled) -> {
                matched.merge(type, settled, BigDecimal::add);
                BigDecimal cost = convert(settled.negate(), rate);
                lines.add(debit(chart.postings().feeExpense().get(type), cost).forOrder(order.orderId()));
                lines.add(credit(clearing, cost).forOrder(order.orderId()));
                BigDecimal estimate = order.estimated().get(type);
                if (estimate != null) {
                    lines.add(debit(chart.postings().feeClearing().get(type), estimate).forOrder(order.orderId()));
                    lines.add(credit(chart.postings().feeExpense().get(type), estimate).forOrder(order.orderId()));
                }
            });
        }
        event.totalsByKind().forEach((kind, amount) -> {
            String account = switch (kind) {
                case COMMISSION, FULFILMENT_FEE, PAYMENT_FEE, OTHER_FEE -> chart.postings().feeExpense()
                        .get(feeType(kind));
                case RESERVE -> to.reserves();
                case ACCOUNT_FEE -> to.accountFees();
                case UNKNOWN -> to.suspense();
                case PRINCIPAL, TAX, SHIPPING, PROMOTION -> null; // in the clearing account already: the deposit
            };
            if (account == null) {
                return;
            }
            // order fees of no known order: what the matched orders' lines above did not take
            BigDecimal unexplained = kind.isOrderFee()
                    ? amount.subtract(matched.getOrDefault(feeType(kind), BigDecimal.ZERO)) : amount;
            BigDecimal kept = convert(unexplained.negate(), rate);
            lines.add(debit(account, kept));
            lines.add(credit(clearing, kept));
        });
        BigDecimal difference = convert(event.total().amount().subtract(event.rowsTotal()), rate);
        lines.add(debit(clearing, difference));
        lines.add(credit(to.suspense(), difference));
        BigDecimal total = convert(event.total().amount(), rate);
        lines.add(debit(total.signum() >= 0 ? to.bank() : to.payable(), total));
        lines.add(credit(clearing, total));

        String description = "Settlement " + event.settlementId() + " (" + (event.source().name().startsWith("PAYOUT")
                ? "payout" : "marketplace settlement") + "), " + event.rowCount() + " rows, total "
                + event.total().amount().toPlainString() + " " + currency
                + (event.exception() ? ", rows differ from the total" : "");
        return new JournalEntry(description, null, null, null, event.settlementId(), lines,
                currency.equals(chart.companyCurrency()) ? null : new JournalEntry.Conversion(currency, rate));
    }

    private static BigDecimal convert(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(Money.SCALE, RoundingMode.HALF_UP);
    }
}
