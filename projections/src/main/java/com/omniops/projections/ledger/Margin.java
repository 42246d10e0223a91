package com.omniops.projections.ledger;

import com.omniops.projections.support.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The one definition of an order's margin figures (docs/ledger.md "Margins"), computed from the journal lines of the
 * entries that belong to orders: never from a second formula, so a margin is always the sum of postings a reader can
 * drill down to, and margin by channel for a month is that month's income statement by channel.
 * <p>
 * Each revenue and expense account belongs to exactly one component ({@link Component#of}); amounts are signed so
 * that income is positive:
 * <ul>
 *   <li>net revenue = gross revenue − discounts; net sales = net revenue − refunds</li>
 *   <li>gross margin = net sales − cost of goods sold (returned units come back out of it at the cost they left
 *       with)</li>
 *   <li>contribution margin = gross margin + shipping charged − shipping cost − fees − return losses + other: exactly
 *       the sum of every revenue and expense line of the order</li>
 *   <li>gross margin % = gross margin ÷ net sales; contribution margin % = contribution ÷ (net sales + shipping
 *       charged); both null when the divisor is zero, rounded half-up to two decimals</li>
 * </ul>
 */
public record Margin(BigDecimal grossRevenue, BigDecimal discounts, BigDecimal netRevenue, BigDecimal refunds,
                     BigDecimal netSales, BigDecimal costOfGoodsSold, BigDecimal grossMargin,
                     BigDecimal shippingCharged, BigDecimal shippingCost, BigDecimal fees, BigDecimal returnLosses,
                     BigDecimal other, BigDecimal contributionMargin, BigDecimal grossMarginPercent,
                     BigDecimal contributionMarginPercent) {

    /** Where a revenue or expense account's lines count in a margin. */
    public enum Component {
        GROSS_REVENUE, DISCOUNTS, REFUNDS, SHIPPING_CHARGED, COST_OF_GOODS_SOLD, SHIPPING_COST, FEES, RETURN_LOSSES,
        OTHER;

        /**
         * The component of an account: by the posting rule that uses it (docs/ledger.md); any other revenue or
         * expense account is OTHER, so nothing an order posts is left out of its contribution.
         */
        public static Component of(String account, ChartOfAccounts chart) {
            ChartOfAccounts.Postings p = chart.postings();
            ChartOfAccounts.Sales s = p.sales();
            if (account.equals(s.revenue())) {
                return GROSS_REVENUE;
            } else if (account.equals(s.discounts())) {
                return DISCOUNTS;
            } else if (account.equals(s.returns())) {
                return REFUNDS;
            } else if (account.equals(s.shippingIncome())) {
                return SHIPPING_CHARGED;
            } else if (account.equals(p.costOfGoodsSold())) {
                return COST_OF_GOODS_SOLD;
            } else if (account.equals(s.shippingCost())) {
                return SHIPPING_COST;
            } else if (p.feeExpense().containsValue(account)) {
                return FEES;
            } else if (account.equals(p.returnsWrittenOff()) || account.equals(s.returnValuation())) {
                return RETURN_LOSSES;
            }
            return OTHER;
        }
    }

    /**
     * The margin of a set of journal lines, given per component as credits − debits (income positive), e.g. gross
     * revenue 65.00, discounts −4.00, cost of goods sold −21.00.
     */
    public static Margin of(Map<Component, BigDecimal> income) {
        BigDecimal grossRevenue = get(income, Component.GROSS_REVENUE);
        BigDecimal discounts = get(income, Component.DISCOUNTS).negate();
        BigDecimal refunds = get(income, Component.REFUNDS).negate();
        BigDecimal cogs = get(income, Component.COST_OF_GOODS_SOLD).negate();
        BigDecimal shippingCharged = get(income, Component.SHIPPING_CHARGED);
        BigDecimal shippingCost = get(income, Component.SHIPPING_COST).negate();
        BigDecimal fees = get(income, Component.FEES).negate();
        BigDecimal returnLosses = get(income, Component.RETURN_LOSSES).negate();
        BigDecimal other = get(income, Component.OTHER);
        BigDecimal netRevenue = grossRevenue.subtract(discounts);
        BigDecimal netSales = netRevenue.subtract(refunds);
        BigDecimal grossMargin = netSales.subtract(cogs);
        BigDecimal contribution = grossMargin.add(shippingCharged).subtract(shippingCost).subtract(fees)
                .subtract(returnLosses).add(other);
        return new Margin(grossRevenue, discounts, netRevenue, refunds, netSales, cogs, grossMargin, shippingCharged,
                shippingCost, fees, returnLosses, other, contribution, percent(grossMargin, netSales),
                percent(contribution, netSales.add(shippingCharged)));
    }

    /** The margin of this margin's lines and {@code other}'s together (e.g. of the days of a week). */
    public Margin plus(Margin other) {
        Map<Component, BigDecimal> income = income();
        other.income().forEach((component, amount) -> income.merge(component, amount, BigDecimal::add));
        return of(income);
    }

    /** This margin's lines per component as credits − debits: what {@link #of} was given. */
    private Map<Component, BigDecimal> income() {
        Map<Component, BigDecimal> income = new java.util.EnumMap<>(Component.class);
        income.put(Component.GROSS_REVENUE, grossRevenue);
        income.put(Component.DISCOUNTS, discounts.negate());
        income.put(Component.REFUNDS, refunds.negate());
        income.put(Component.COST_OF_GOODS_SOLD, costOfGoodsSold.negate());
        income.put(Component.SHIPPING_CHARGED, shippingCharged);
        income.put(Component.SHIPPING_COST, shippingCost.negate());
        income.put(Component.FEES, fees.negate());
        income.put(Component.RETURN_LOSSES, returnLosses.negate());
        income.put(Component.OTHER, other);
        return income;
    }

    private static BigDecimal get(Map<Component, BigDecimal> income, Component component) {
        return Amounts.normalized(income.getOrDefault(component, BigDecimal.ZERO));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
