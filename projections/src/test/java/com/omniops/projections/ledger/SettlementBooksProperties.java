package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.projections.ledger.OrderPostingRules.Posted;
import com.omniops.projections.ledger.SettlementPostingRules.OrderFees;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any mix of marketplace orders (paid through the marketplace, partly refunded, a commission estimate or two) and
 * settlements (each taking some of the orders still unsettled, their sales and refunds, a settled commission that may
 * differ from the estimate, a reserve, an account fee, an unknown row, a total the rows do not explain), posted with
 * the ledger's own rules: every entry balances, and the marketplace clearing account (1210) holds exactly what is
 * unsettled — what was collected and not yet settled, less the fees estimated on orders not yet settled; commissions
 * (6100) are the settled ones plus the estimates not replaced; the bank and the payable hold the settlements' totals.
 */
class SettlementBooksProperties {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final ChartOfAccounts CHART = TestCharts.demo();
    private static final OrderPostingRules ORDERS = new OrderPostingRules(CHART);
    private static final PostingRules FEES = new PostingRules(CHART);
    private static final SettlementPostingRules SETTLEMENTS = new SettlementPostingRules(CHART);

    /** An order: its total in cents, what of it is refunded (percent), its estimates and its settled commission. */
    record Order(int totalCents, int refundPercent, List<Integer> estimateCents, int settledFeeCents) {
    }

    /** A settlement: which orders it takes (bit mask), and its own rows and unexplained difference, in cents. */
    record Settlement(int orders, int reserveCents, int accountFeeCents, int unknownCents, int differenceCents,
                      boolean refundsLater) {
    }

    @Property(tries = 300)
    void theBooksBalanceAndTheClearingAccountIsWhatIsUnsettled(@ForAll("orders") List<Order> orders,
                                                             @ForAll("settlements") List<Settlement> settlements) {
        Map<String, BigDecimal> balances = new HashMap<>();
        Map<String, BigDecimal> collected = new HashMap<>();      // per order: captured − refunded
        Map<String, BigDecimal> unreplaced = new HashMap<>();     // per order: estimates not replaced
        Map<String, BigDecimal> refundsOpen = new HashMap<>();    // refunds not settled yet
        long seq = 0;
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            String id = "O" + i;
            BigDecimal total = cents(order.totalCents());
            OrderBooks books = OrderBooks.placed(new OrderPlaced(id, "MKT", "R" + i, "C", "EUR", true,
                    List.of(new OrderLine(1, "SKU", 1, total, BigDecimal.ZERO, BigDecimal.ZERO)), BigDecimal.ZERO,
                    LocalDate.parse("2026-11-03"), List.of(), List.of(), AT), 0, Map.of("SKU", "ZERO"));
            Posted paid = ORDERS.paymentCaptured(new PaymentCaptured(id, "P" + i, eur(total), "AMAZON-PAY", "R" + i,
                    AT), ++seq, books);
            post(paid.entry(), balances);
            BigDecimal refund = total.multiply(BigDecimal.valueOf(order.refundPercent()))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
            if (refund.signum() > 0) {
                post(ORDERS.refunded(new OrderRefunded(id, "F" + i, eur(refund), "r", AT), ++seq, paid.after(),
                        List.of()).entry(), balances);
            }
            collected.put(id, total.subtract(refund));
            refundsOpen.put(id, refund);
            BigDecimal estimates = BigDecimal.ZERO;
            for (int e = 0; e < order.estimateCents().size(); e++) {
                BigDecimal estimate = cents(order.estimateCents().get(e));
                post(FEES.feeRecorded(new OrderFeeRecorded(id, "E" + i + "-" + e, FeeType.MARKETPLACE_COMMISSION,
                        eur(estimate), "estimate", AT)), balances);
                estimates = estimates.add(estimate);
            }
            unreplaced.put(id, estimates);
        }

        BigDecimal settledSales = BigDecimal.ZERO;
        BigDecimal settledFees = BigDecimal.ZERO;
        BigDecimal totals = BigDecimal.ZERO;
        Map<String, Boolean> feeSettled = new HashMap<>();
        int n = 0;
        for (Settlement settlement : settlements) {
            n++;
            Map<SettlementRowKind, BigDecimal> byKind = new EnumMap<>(SettlementRowKind.class);
            List<OrderFees> fees = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                String id = "O" + i;
                if ((settlement.orders() & (1 << i)) == 0) {
                    continue;
                }
                BigDecimal sales = BigDecimal.ZERO;
                if (!feeSettled.containsKey(id)) {   // its sale and commission, once
                    sales = cents(orders.get(i).totalCents());
                    BigDecimal fee = cents(orders.get(i).settledFeeCents()).negate();
                    byKind.merge(SettlementRowKind.COMMISSION, fee, BigDecimal::add);
                    settledFees = settledFees.add(fee.negate());
                    BigDecimal estimate = unreplaced.get(id);
                    fees.add(new OrderFees(id, Map.of(FeeType.MARKETPLACE_COMMISSION, fee), estimate.signum() == 0
                            ? Map.of() : Map.of(FeeType.MARKETPLACE_COMMISSION, estimate)));
                    unreplaced.put(id, BigDecimal.ZERO);
                    feeSettled.put(id, true);
                }
                if (!settlement.refundsLater() || sales.signum() == 0) { // a refund may come a settlement later
                    sales = sales.subtract(refundsOpen.get(id));
                    refundsOpen.put(id, BigDecimal.ZERO);
                }
                byKind.merge(SettlementRowKind.PRINCIPAL, sales, BigDecimal::add);
                settledSales = settledSales.add(sales);
            }
            byKind.put(SettlementRowKind.RESERVE, cents(settlement.reserveCents()));
            byKind.put(SettlementRowKind.ACCOUNT_FEE, cents(-settlement.accountFeeCents()));
            byKind.put(SettlementRowKind.UNKNOWN, cents(settlement.unknownCents()));
            BigDecimal rows = byKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = rows.add(cents(settlement.differenceCents()));
            totals = totals.add(total);
            post(SETTLEMENTS.imported(new SettlementImported("MKT~S" + n, "MKT",
                    SettlementSource.MARKETPLACE_REPORT, eur(total), 1, rows, byKind, total.compareTo(rows) != 0,
                    AT, AT), fees), balances);
        }

        BigDecimal estimatesLeft = unreplaced.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal collectedTotal = collected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("the books balance")
                .isEqualByComparingTo("0");
        assertThat(balance(balances, "1210")).as("marketplace clearing = collected − settled − estimates left")
                .isEqualByComparingTo(collectedTotal.subtract(settledSales).subtract(estimatesLeft));
        assertThat(balance(balances, "6100")).as("commissions = settled + estimates not replaced")
                .isEqualByComparingTo(settledFees.add(estimatesLeft));
        assertThat(balance(balances, "1010").add(balance(balances, "2050"))).as("bank and payable = the totals")
                .isEqualByComparingTo(totals);
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        Arbitrary<Order> order = Combinators.combine(Arbitraries.integers().between(100, 50_000),
                Arbitraries.integers().between(0, 100).map(p -> p < 60 ? 0 : p),
                Arbitraries.integers().between(1, 5_000).list().ofMaxSize(2),
                Arbitraries.integers().between(0, 7_500)).as(Order::new);
        return order.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Settlement>> settlements() {
        Arbitrary<Settlement> settlement = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(-5_000, 5_000), Arbitraries.integers().between(0, 2_000),
                Arbitraries.integers().between(-1_000, 1_000),
                Arbitraries.integers().between(-300, 300).map(d -> Math.abs(d) < 200 ? 0 : d),
                Arbitraries.of(true, false)).as(Settlement::new);
        return settlement.list().ofMaxSize(4);
    }

    private static void post(JournalEntry entry, Map<String, BigDecimal> balances) {
        for (JournalLine l : entry.lines()) {
            balances.merge(l.accountCode(), l.debit().subtract(l.credit()), BigDecimal::add);
        }
    }

    private static BigDecimal balance(Map<String, BigDecimal> balances, String account) {
        return balances.getOrDefault(account, BigDecimal.ZERO);
    }

    private static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Money eur(BigDecimal amount) {
        return new Money(amount, "EUR");
    }
}
