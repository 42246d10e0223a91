package com.omniops.projections.ledger;

import com.omniops.events.order.FeeType;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockHold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart of accounts and which accounts each posting rule uses ({@code omniops.ledger} in configuration; the demo
 * merchant's default and every rule are in docs/ledger.md). Checked once, when the app starts: every account a rule
 * names exists, every value of every mapped enum (receipt source, adjustment reason, hold, fee type) is mapped,
 * codes are unique. A chart that fails stops the app with the reason, so a posting never meets an account that is
 * not there.
 *
 * @param companyCurrency the currency the books are kept in (ISO 4217)
 * @param exchangeRates   what a unit of another currency is worth in the company currency, from a business date on
 */
public record ChartOfAccounts(String companyCurrency, List<Account> accounts, Postings postings,
                              List<ExchangeRate> exchangeRates) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * Which account each rule posts to (docs/ledger.md "Posting rules").
     *
     * @param inventory           stock on hand at moving-average cost, held units included
     * @param inTransit           stock transferred out and not yet received at the destination
     * @param costOfGoodsSold     cost of what was shipped; returns back to stock credit it
     * @param receiptRounding     the rounding of the moving average at a receipt (a fraction of a cent)
     * @param paymentClearing     captured payments not yet paid out by the payment provider
     * @param customerDeposits    payments received for what has not shipped yet
     * @param receiptSource       the credit account of a receipt, by where the stock came from
     * @param adjustmentReason    the other side of an adjustment, by reason (a loss is debited, a find credited)
     * @param returnsWrittenOff   the cost of returned units written off at inspection (credit: cost of goods sold)
     * @param heldWriteOff        the expense of held stock written off, by hold
     * @param feeExpense          the expense of a fee, by type
     * @param feeClearing         where a fee is owed or netted, by type
     * @param sales               what shipments, payments and refunds post to
     * @param settlements         what marketplace settlements and payouts post to
     */
    public record Postings(String inventory, String inTransit, String costOfGoodsSold, String receiptRounding,
                           String returnsWrittenOff, String paymentClearing, String customerDeposits,
                           Map<ReceiptSource, String> receiptSource,
                           Map<AdjustmentReason, String> adjustmentReason,
                           Map<StockHold, String> heldWriteOff,
                           Map<FeeType, String> feeExpense,
                           Map<FeeType, String> feeClearing,
                           Sales sales, Settlements settlements) {

        public Postings {
            receiptSource = copy(receiptSource, ReceiptSource.class);
            adjustmentReason = copy(adjustmentReason, AdjustmentReason.class);
            heldWriteOff = copy(heldWriteOff, StockHold.class);
            feeExpense = copy(feeExpense, FeeType.class);
            feeClearing = copy(feeClearing, FeeType.class);
        }

        private static <E extends Enum<E>> Map<E, String> copy(Map<E, String> map, Class<E> type) {
            EnumMap<E, String> copy = new EnumMap<>(type);
            if (map != null) {
                copy.putAll(map);
            }
            return Map.copyOf(copy);
        }
    }

    /**
     * The accounts of selling: a shipment, a payment, a refund (docs/ledger.md "Posting rules").
     *
     * @param receivables         shipped and not yet paid for
     * @param revenue             sales at their price before discount, without tax (credit)
     * @param discounts           the discounts given, without tax (debit: contra revenue)
     * @param returns             refunds for what had shipped, without tax (debit: contra revenue)
     * @param shippingIncome      the shipping charged to customers
     * @param shippingCost        what carriers charge for shipments
     * @param shippingCostPayable where the carriers' charges are owed
     * @param returnValuation     a returned unit back in stock at today's average cost rather than the cost it left
     *                            with: the difference
     * @param taxPayable          the tax collected, by tax category (of the product); a category without an account
     *                            is a dead letter, never a guess
     * @param paymentProvider     the clearing account of each payment provider that is not the default
     *                            payment-clearing account (a marketplace's own payments, a bank transfer)
     * @param exchangeDifferences an order in another currency: what its deposits and receivables were booked at
     *                            against what they are worth when settled, and the rounding of the conversion
     */
    public record Sales(String receivables, String revenue, String discounts, String returns, String shippingIncome,
                        String shippingCost, String shippingCostPayable, String returnValuation,
                        Map<String, String> taxPayable, Map<String, String> paymentProvider,
                        String exchangeDifferences) {

        public Sales {
            taxPayable = taxPayable == null ? Map.of() : Map.copyOf(taxPayable);
            paymentProvider = paymentProvider == null ? Map.of() : Map.copyOf(paymentProvider);
        }
    }

    /**
     * The accounts of a settlement or payout (docs/ledger.md "Settlements").
     *
     * @param clearing    by report: what the marketplace or provider holds for the merchant (its payments collected,
     *                    less what it kept); the deposit of a settlement moves its total out of it
     * @param bank        where a settlement's total is paid
     * @param payable     a negative total: what the merchant owes the marketplace
     * @param reserves    what the marketplace holds back from a payout (released later)
     * @param accountFees storage, subscription and other account-level fees
     * @param suspense    rows no rule knows and totals the rows do not explain, until finance does
     */
    public record Settlements(Map<SettlementSource, String> clearing, String bank, String payable, String reserves,
                              String accountFees, String suspense) {
        public Settlements {
            EnumMap<SettlementSource, String> copy = new EnumMap<>(SettlementSource.class);
            if (clearing != null) {
                copy.putAll(clearing);
            }
            clearing = Map.copyOf(copy);
        }
    }

    /** The clearing account of a payment provider: its own, else the default payment-clearing account. */
    public String clearingOf(String provider) {
        String own = provider == null ? null : postings.sales().paymentProvider().get(provider);
        return own != null ? own : postings.paymentClearing();
    }

    public ChartOfAccounts {
        if (companyCurrency == null || !CURRENCY.matcher(companyCurrency).matches()) {
            throw invalid("company-currency must be an ISO 4217 code such as EUR, not '" + companyCurrency + "'");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw invalid("the chart has no accounts");
        }
        if (postings == null) {
            throw invalid("the posting accounts (postings) are missing");
        }
        accounts = List.copyOf(accounts);
        Map<String, Account> byCode = new LinkedHashMap<>();
        for (Account account : accounts) {
            if (byCode.put(account.code(), account) != null) {
                throw invalid("account code " + account.code() + " is in the chart twice");
            }
        }
        List<String> problems = new ArrayList<>();
        named(problems, byCode, "inventory", postings.inventory());
        named(problems, byCode, "in-transit", postings.inTransit());
        named(problems, byCode, "cost-of-goods-sold", postings.costOfGoodsSold());
        named(problems, byCode, "receipt-rounding", postings.receiptRounding());
        named(problems, byCode, "returns-written-off", postings.returnsWrittenOff());
        named(problems, byCode, "payment-clearing", postings.paymentClearing());
        named(problems, byCode, "customer-deposits", postings.customerDeposits());
        mapped(problems, byCode, "receipt-source", postings.receiptSource(), ReceiptSource.values());
        mapped(problems, byCode, "adjustment-reason", postings.adjustmentReason(), AdjustmentReason.values());
        mapped(problems, byCode, "held-write-off", postings.heldWriteOff(), StockHold.values());
        mapped(problems, byCode, "fee-expense", postings.feeExpense(), FeeType.values());
        mapped(problems, byCode, "fee-clearing", postings.feeClearing(), FeeType.values());
        Sales sales = postings.sales();
        if (sales == null) {
            problems.add("postings.sales (receivables, revenue, tax-payable, ...) is missing");
        } else {
            named(problems, byCode, "sales.receivables", sales.receivables());
            named(problems, byCode, "sales.revenue", sales.revenue());
            named(problems, byCode, "sales.discounts", sales.discounts());
            named(problems, byCode, "sales.returns", sales.returns());
            named(problems, byCode, "sales.shipping-income", sales.shippingIncome());
            named(problems, byCode, "sales.shipping-cost", sales.shippingCost());
            named(problems, byCode, "sales.shipping-cost-payable", sales.shippingCostPayable());
            named(problems, byCode, "sales.return-valuation", sales.returnValuation());
            named(problems, byCode, "sales.exchange-differences", sales.exchangeDifferences());
            if (sales.taxPayable().isEmpty()) {
                problems.add("postings.sales.tax-payable maps no tax category to an account");
            }
            sales.taxPayable().forEach((category, code) ->
                    named(problems, byCode, "sales.tax-payable." + category, code));
            sales.paymentProvider().forEach((provider, code) ->
                    named(problems, byCode, "sales.payment-provider." + provider, code));
        }
        Settlements settlements = postings.settlements();
        if (settlements == null) {
            problems.add("postings.settlements (clearing, bank, payable, reserves, account-fees, suspense) is missing");
        } else {
            mapped(problems, byCode, "settlements.clearing", settlements.clearing(), SettlementSource.values());
            named(problems, byCode, "settlements.bank", settlements.bank());
            named(problems, byCode, "settlements.payable", settlements.payable());
            named(problems, byCode, "settlements.reserves", settlements.reserves());
            named(problems, byCode, "settlements.account-fees", settlements.accountFees());
            named(problems, byCode, "settlements.suspense", settlements.suspense());
        }
        exchangeRates = exchangeRates == null ? List.of() : exchangeRates.stream()
                .sorted(Comparator.comparing(ExchangeRate::currency, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ExchangeRate::from, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        ExchangeRate previous = null;
        for (ExchangeRate rate : exchangeRates) {
            String at = "exchange-rates: " + rate.currency() + " from " + rate.from();
            if (rate.currency() == null || !CURRENCY.matcher(rate.currency()).matches()
                    || rate.currency().equals(companyCurrency)) {
                problems.add(at + ": the currency must be an ISO 4217 code other than the company currency");
            } else if (rate.from() == null || rate.rate() == null || rate.rate().signum() <= 0
                    || rate.rate().stripTrailingZeros().scale() > RATE_SCALE) {
                problems.add(at + ": needs a from date and a rate above 0 with at most " + RATE_SCALE + " decimals");
            } else if (previous != null && previous.currency().equals(rate.currency())
                    && previous.from().equals(rate.from())) {
                problems.add(at + ": the table has two rates for that day");
            }
            previous = rate;
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
    }

    /** Decimals an exchange rate may have (the entry stores it as NUMERIC(19, 10)). */
    public static final int RATE_SCALE = 10;

    /**
     * What one unit of {@code currency} is worth in the company currency on {@code date}: 1 for the company currency,
     * else the table's latest row of that currency from on or before the date.
     *
     * @throws NoExchangeRate when the table has none: the event is dead-lettered, never posted at par
     */
    public BigDecimal rate(String currency, LocalDate date) {
        if (currency.equals(companyCurrency)) {
            return BigDecimal.ONE;
        }
        ExchangeRate found = null;
        for (ExchangeRate rate : exchangeRates) {
            if (rate.currency().equals(currency) && !rate.from().isAfter(date)) {
                found = rate;
            }
        }
        if (found == null) {
            throw new NoExchangeRate(currency, date, companyCurrency);
        }
        return found.rate();
    }

    /** No rate for a currency on a date: the event waits in the dead-letter queue until one is configured. */
    public static final class NoExchangeRate extends IllegalStateException {
        NoExchangeRate(String currency, LocalDate date, String companyCurrency) {
            super("no exchange rate from " + currency + " to " + companyCurrency + " for " + date + " in "
                    + "omniops.ledger.exchange-rates: add one (then retry the ledger's dead letters)");
        }
    }

    /** The account with this code, if the chart has it. */
    public Optional<Account> account(String code) {
        return accounts.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    private static void named(List<String> problems, Map<String, Account> byCode, String rule, String code) {
        if (code == null || code.isBlank()) {
            problems.add("postings." + rule + " names no account");
        } else if (!byCode.containsKey(code)) {
            problems.add("postings." + rule + " names account " + code + ", which is not in the chart");
        }
    }

    private static <E extends Enum<E>> void mapped(List<String> problems, Map<String, Account> byCode, String rule,
                                                   Map<E, String> map, E[] values) {
        for (E value : values) {
            named(problems, byCode, rule + "." + value.name(), map.get(value));
        }
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("omniops.ledger: " + why);
    }
}
