package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReturned;
import com.omniops.projections.ledger.Margin.Component;
import com.omniops.projections.ledger.OrderPostingRules.Posted;
import com.omniops.projections.ledger.PostingRules.StockValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-worked scenario (docs/ledger.md "Worked example: an order"): two receipts at different costs, a
 * marketplace order of two lines with a discount, tax contained in its prices and a shipping charge, the
 * marketplace's commission, one returned unit back to stock and one written off, and a partial refund. Every journal
 * line, every balance and every margin figure below was computed by hand, not by the code under test.
 */
class OrderPostingRulesKnownAnswerTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final String A = "WH-N:SKU-A";
    private static final String B = "WH-N:SKU-B";

    private final ChartOfAccounts chart = TestCharts.demo();
    private final PostingRules stockRules = new PostingRules(chart);
    private final OrderPostingRules orderRules = new OrderPostingRules(chart);
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, StockValue> stock = new HashMap<>();
    private final Map<Component, BigDecimal> orderIncome = new EnumMap<>(Component.class);

    /**
     * 4 × SKU-A at 12.00 with 4.80 off (gross 43.20, of which 7.20 VAT at 20 %, so net 36.00; the discount without
     * its VAT is 4.80 × 36 / 43.20 = 4.00) and 1 × SKU-B at 30.00 (VAT 5.00, net 25.00), shipping 4.90: 78.10 in all.
     */
    private static final OrderPlaced ORDER = new OrderPlaced("O-1", "MKT-AMAZON", "AMZ-1", "C-1", "EUR", true,
            List.of(new OrderLine(1, "SKU-A", 4, new BigDecimal("12.00"), new BigDecimal("4.80"),
                            new BigDecimal("7.20")),
                    new OrderLine(2, "SKU-B", 1, new BigDecimal("30.00"), BigDecimal.ZERO, new BigDecimal("5.00"))),
            new BigDecimal("4.90"), LocalDate.parse("2026-11-03"),
            List.of(new LineAllocation(1, "SKU-A", "WH-N", 4), new LineAllocation(2, "SKU-B", "WH-N", 1)), List.of(),
            AT);

    @Test
    void theWorkedOrderPostsEveryLineBalanceAndMarginAsComputedByHand() {
        // Receipts: SKU-A 10 at 4.00 and 10 at 7.00 (average 5.5000), SKU-B 5 at 10.00.
        receive(A, "SKU-A", 10, "4.00", "4.0000", 10);
        receive(A, "SKU-A", 10, "7.00", "5.5000", 20);
        receive(B, "SKU-B", 5, "10.00", "10.0000", 5);
        OrderBooks order = OrderBooks.placed(ORDER, 0, Map.of("SKU-A", "STANDARD", "SKU-B", "STANDARD"));
        assertThat(order.line(1).discountNet()).isEqualByComparingTo("4.00");

        // The marketplace's payment (AMAZON-PAY clears through 1210) before shipment: a deposit.
        order = assertOrder(orderRules.paymentCaptured(new PaymentCaptured("O-1", "P-1", eur("78.10"), "AMAZON-PAY",
                        "amz-1", AT), 1, order),
                line("1210", "78.10", "0"), line("2300", "0", "78.10"));
        // Its commission, 15 % of 78.10 = 11.715 → 11.72, kept from the payout.
        book(stockRules.feeRecorded(new OrderFeeRecorded("O-1", "F-1", FeeType.MARKETPLACE_COMMISSION, eur("11.72"),
                "referral fee", AT)), null, 0, null, true);

        // The shipment: revenue before discount and the discount per SKU without VAT, VAT per SKU, the shipping
        // charge; all 78.10 taken from the deposit (nothing left owed); the carrier's 5.50.
        order = assertOrder(orderRules.shipped(new OrderShipped("O-1", "S-1", "WH-N", List.of(
                                new ShippedLine(1, "SKU-A", 4), new ShippedLine(2, "SKU-B", 1)), "DHL", "T-1",
                        new BigDecimal("5.50"), AT), 2, order),
                line("4000", "0", "40.00", "SKU-A"), line("4050", "4.00", "0", "SKU-A"),
                line("2410", "0", "7.20", "SKU-A"),
                line("4000", "0", "25.00", "SKU-B"), line("2410", "0", "5.00", "SKU-B"),
                line("4200", "0", "4.90"), line("2300", "78.10", "0"),
                line("6200", "5.50", "0"), line("2000", "0", "5.50"));
        assertThat(order.deposits()).isEqualByComparingTo("0");
        assertThat(order.receivable()).isEqualByComparingTo("0");
        // Cost of goods sold at the average the units left with: 4 × 5.50 and 1 × 10.00.
        book(stockRules.issued(new StockIssued(A, "SKU-A", "WH-N", "O-1", 1, "S-1", 4, eur("5.5000"), 16, 0, AT)),
                A, 16, "5.5000", true);
        book(stockRules.issued(new StockIssued(B, "SKU-B", "WH-N", "O-1", 2, "S-1", 1, eur("10.0000"), 4, 0, AT)),
                B, 4, "10.0000", true);

        // A later receipt raises SKU-A's average: (16 × 5.50 + 4 × 11.00) / 20 = 6.6000.
        receive(A, "SKU-A", 4, "11.00", "6.6000", 20);

        // Two units of line 1 come back. The one resold is inventory at today's 6.60, out of cost of goods sold at
        // the 5.50 it left with; 1.10 is the valuation difference. The one written off is a loss at 5.50.
        assertLines(book(stockRules.returned(returned(ReturnDisposition.RESALE, 21), new BigDecimal("5.5000")),
                        A, 21, "6.6000", true),
                line("1300", "6.60", "0"), line("5090", "0", "1.10"), line("5000", "0", "5.50"));
        assertLines(book(stockRules.returned(returned(ReturnDisposition.WRITE_OFF, 21), new BigDecimal("5.5000")),
                        A, 21, "6.6000", true),
                line("5300", "5.50", "0"), line("5000", "0", "5.50"));

        // Refund of the two units of line 1: 2 × 43.20 / 4 = 21.60, all of it reverses revenue (no deposit left),
        // with line 1's VAT: 21.60 × 7.20 / 43.20 = 3.60; 18.00 is the sales return, both about SKU-A.
        order = assertOrder(orderRules.refunded(new OrderRefunded("O-1", "R-1", eur("21.60"), "amz-r-1", AT), 3,
                        order, List.of(new OrderPostingRules.RefundShare(1, new BigDecimal("21.60")))),
                line("1210", "0", "21.60"), line("2410", "3.60", "0", "SKU-A"), line("4100", "18.00", "0", "SKU-A"));

        assertThat(balances).containsOnly(
                Map.entry("1300", new BigDecimal("178.60")),   // 110 + 50 + 44 − 22 − 10 + 6.60
                Map.entry("2150", new BigDecimal("-204.00")),
                Map.entry("1210", new BigDecimal("44.78")),    // 78.10 − 11.72 − 21.60
                Map.entry("6100", new BigDecimal("11.72")),
                Map.entry("2300", new BigDecimal("0.00")),
                Map.entry("4000", new BigDecimal("-65.00")),
                Map.entry("4050", new BigDecimal("4.00")),
                Map.entry("2410", new BigDecimal("-8.60")),    // 12.20 − 3.60
                Map.entry("4200", new BigDecimal("-4.90")),
                Map.entry("6200", new BigDecimal("5.50")),
                Map.entry("2000", new BigDecimal("-5.50")),
                Map.entry("5000", new BigDecimal("21.00")),    // 22 + 10 − 5.50 − 5.50
                Map.entry("5090", new BigDecimal("-1.10")),
                Map.entry("5300", new BigDecimal("5.50")),
                Map.entry("4100", new BigDecimal("18.00")));
        // Inventory is what the stock items hold: 21 × 6.60 of SKU-A and 4 × 10.00 of SKU-B.
        BigDecimal held = stock.values().stream().map(StockValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(held).isEqualByComparingTo("178.60").isEqualByComparingTo(balances.get("1300"));
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");

        Margin margin = Margin.of(orderIncome);
        assertThat(margin.grossRevenue()).isEqualByComparingTo("65.00");
        assertThat(margin.discounts()).isEqualByComparingTo("4.00");
        assertThat(margin.netRevenue()).isEqualByComparingTo("61.00");
        assertThat(margin.refunds()).isEqualByComparingTo("18.00");
        assertThat(margin.netSales()).isEqualByComparingTo("43.00");
        assertThat(margin.costOfGoodsSold()).isEqualByComparingTo("21.00");
        assertThat(margin.grossMargin()).isEqualByComparingTo("22.00");
        assertThat(margin.shippingCharged()).isEqualByComparingTo("4.90");
        assertThat(margin.shippingCost()).isEqualByComparingTo("5.50");
        assertThat(margin.fees()).isEqualByComparingTo("11.72");
        assertThat(margin.returnLosses()).isEqualByComparingTo("4.40");    // 5.50 written off − 1.10 valuation
        assertThat(margin.other()).isEqualByComparingTo("0");
        assertThat(margin.contributionMargin()).isEqualByComparingTo("5.28");
        assertThat(margin.grossMarginPercent()).isEqualByComparingTo("51.16");   // 22 / 43
        assertThat(margin.contributionMarginPercent()).isEqualByComparingTo("11.02");   // 5.28 / 47.90
    }

    @Test
    void aShipmentInPartsAddsUpToExactlyTheWholeLine() {
        // 3 units, net 10.00 and VAT 2.00: thirds round to 3.33, 3.34 (cumulative 6.67 − 3.33), 3.33.
        OrderPlaced three = new OrderPlaced("O-3", "WEB", "W-3", "C-1", "EUR", true, List.of(
                new OrderLine(1, "SKU-A", 3, new BigDecimal("4.00"), BigDecimal.ZERO, new BigDecimal("2.00"))),
                BigDecimal.ZERO, LocalDate.parse("2026-11-03"), List.of(), List.of(), AT);
        OrderBooks order = OrderBooks.placed(three, 0, Map.of("SKU-A", "STANDARD"));
        BigDecimal revenue = BigDecimal.ZERO;
        for (int shipment = 1; shipment <= 3; shipment++) {
            Posted posted = orderRules.shipped(new OrderShipped("O-3", "S-" + shipment, "WH-N",
                    List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, AT), shipment, order);
            order = posted.after();
            revenue = revenue.add(posted.entry().lines().get(0).credit());
        }
        assertThat(revenue).isEqualByComparingTo("10.00");
        OrderBooks allShipped = order;
        assertThatThrownBy(() -> orderRules.shipped(new OrderShipped("O-3", "S-4", "WH-N",
                List.of(new ShippedLine(1, "SKU-A", 1)), "DHL", "T", null, AT), 4, allShipped))
                .hasMessageContaining("which has 0 left to ship");
    }

    @Test
    void aPaymentAfterShipmentSettlesTheReceivableAndARefundBeforeShipmentGivesBackTheDeposit() {
        OrderBooks order = OrderBooks.placed(ORDER, 0, Map.of("SKU-A", "STANDARD", "SKU-B", "STANDARD"));
        order = orderRules.shipped(new OrderShipped("O-1", "S-1", "WH-N", List.of(new ShippedLine(2, "SKU-B", 1)),
                "DHL", "T", null, AT), 1, order).after();
        // 30.00 + 4.90 shipped and unpaid; a payment of 78.10 settles 34.90 and holds 43.20 for line 1.
        assertOrder(orderRules.paymentCaptured(new PaymentCaptured("O-1", "P-1", eur("78.10"), "ADYEN", "psp", AT),
                        2, order),
                line("1150", "78.10", "0"), line("1100", "0", "34.90"), line("2300", "0", "43.20"));
        OrderBooks paid = orderRules.paymentCaptured(new PaymentCaptured("O-1", "P-1", eur("78.10"), "ADYEN", "psp",
                AT), 2, order).after();
        assertThat(paid.receivable()).isEqualByComparingTo("0");
        assertThat(paid.deposits()).isEqualByComparingTo("43.20");
        // Line 1 is cancelled: its 43.20 goes back out of the deposits, through the provider it came in by.
        assertLines(orderRules.refunded(new OrderRefunded("O-1", "R-1", eur("43.20"), "psp-r", AT), 3, paid,
                        List.of()).entry(),
                line("1150", "0", "43.20"), line("2300", "43.20", "0"));
    }

    /**
     * An order of a 20 % and a 7 % line, both 100.00 net: the refund of the 7 % line gives back exactly its 7.00, not
     * the order's blend (107 × 27 / 227 = 12.73); a goodwill amount on the same order takes the blend.
     */
    @Test
    void aRefundOfOrderLinesGivesBackTheirOwnTaxAndAPlainAmountTheMixOfWhatShipped() {
        OrderPlaced mixed = new OrderPlaced("O-M", "WEB", "W-M", "C-1", "EUR", true, List.of(
                new OrderLine(1, "SKU-A", 1, new BigDecimal("120.00"), BigDecimal.ZERO, new BigDecimal("20.00")),
                new OrderLine(2, "SKU-B", 1, new BigDecimal("107.00"), BigDecimal.ZERO, new BigDecimal("7.00"))),
                BigDecimal.ZERO, LocalDate.parse("2026-11-03"), List.of(), List.of(), AT);
        OrderBooks order = OrderBooks.placed(mixed, 0, Map.of("SKU-A", "STANDARD", "SKU-B", "REDUCED"));
        order = orderRules.paymentCaptured(new PaymentCaptured("O-M", "P-1", eur("227.00"), "ADYEN", "psp", AT), 1,
                order).after();
        order = orderRules.shipped(new OrderShipped("O-M", "S-1", "WH-N", List.of(new ShippedLine(1, "SKU-A", 1),
                new ShippedLine(2, "SKU-B", 1)), "DHL", "T", null, AT), 2, order).after();

        assertLines(orderRules.refunded(new OrderRefunded("O-M", "R-1", eur("107.00"), "r", AT), 3, order,
                        List.of(new OrderPostingRules.RefundShare(2, new BigDecimal("107.00")))).entry(),
                line("1150", "0", "107.00"), line("2420", "7.00", "0", "SKU-B"),
                line("4100", "100.00", "0", "SKU-B"));
        // 10.00 of goodwill: VAT 10 × 20 / 227 = 0.88 standard, 10 × 7 / 227 = 0.31 reduced, 8.81 sales return
        assertLines(orderRules.refunded(new OrderRefunded("O-M", "R-2", eur("10.00"), "r", AT), 3, order,
                        List.of()).entry(),
                line("1150", "0", "10.00"), line("2410", "0.88", "0"), line("2420", "0.31", "0"),
                line("4100", "8.81", "0"));
    }

    @Test
    void aTaxCategoryWithoutAnAccountIsRefusedNamingIt() {
        OrderBooks order = OrderBooks.placed(ORDER, 0, Map.of("SKU-A", "LUXURY", "SKU-B", "STANDARD"));
        assertThatThrownBy(() -> orderRules.shipped(new OrderShipped("O-1", "S-1", "WH-N",
                List.of(new ShippedLine(1, "SKU-A", 4)), "DHL", "T", null, AT), 1, order))
                .hasMessageContaining("tax category LUXURY").hasMessageContaining("tax-payable");
    }

    /**
     * An order in US dollars: a deposit at 0.90, the shipment at 0.92, the rest paid at 0.95, a refund at 0.95. The
     * shipment's deposit-covered half keeps the deposit's rate, so it realises nothing; the receivable, booked at 0.92,
     * realises a gain of 60 × (0.95 − 0.92) = 1.80 when paid.
     */
    @Test
    void anOrderInAnotherCurrencyPostsAtEachDaysRateAndRealisesTheDifferenceOnItsReceivable() {
        ChartOfAccounts demo = TestCharts.demo();
        ChartOfAccounts rates = new ChartOfAccounts(demo.companyCurrency(), demo.accounts(), demo.postings(), List.of(
                new ExchangeRate("USD", LocalDate.parse("2026-11-01"), new BigDecimal("0.9000")),
                new ExchangeRate("USD", LocalDate.parse("2026-11-05"), new BigDecimal("0.9200")),
                new ExchangeRate("USD", LocalDate.parse("2026-11-10"), new BigDecimal("0.9500"))));
        OrderPostingRules usd = new OrderPostingRules(rates);
        OrderPlaced placed = new OrderPlaced("O-US", "WEB", "W-US", "C-1", "USD", true, List.of(
                new OrderLine(1, "SKU-A", 2, new BigDecimal("60.00"), BigDecimal.ZERO, new BigDecimal("20.00"))),
                BigDecimal.ZERO, LocalDate.parse("2026-11-03"), List.of(), List.of(), AT);
        OrderBooks order = OrderBooks.placed(placed, 0, Map.of("SKU-A", "STANDARD"));
        Instant nov2 = Instant.parse("2026-11-02T10:00:00Z");
        Instant nov6 = Instant.parse("2026-11-06T10:00:00Z");
        Instant nov11 = Instant.parse("2026-11-11T10:00:00Z");

        Posted deposit = usd.paymentCaptured(new PaymentCaptured("O-US", "P-1", Money.of("60.00", "USD"), "ADYEN",
                "psp", nov2), 1, order);
        assertLines(book(deposit.entry(), null, 0, null, true), line("1150", "54.00", "0"), line("2300", "0", "54.00"));
        assertThat(deposit.entry().conversion()).isEqualTo(new JournalEntry.Conversion("USD",
                new BigDecimal("0.9000")));

        // 120.00 worth 54.00 (the deposit's half) + 60 × 0.92 = 55.20 (the rest, owed) = 109.20: revenue 100 of
        // 120 of it = 91.00, VAT 18.20.
        Posted shipped = usd.shipped(new OrderShipped("O-US", "S-1", "WH-N", List.of(new ShippedLine(1, "SKU-A",
                2)), "DHL", "T", null, nov6), 2, deposit.after());
        assertLines(book(shipped.entry(), null, 0, null, true),
                line("4000", "0", "91.00", "SKU-A"), line("2410", "0", "18.20", "SKU-A"),
                line("1100", "55.20", "0"), line("2300", "54.00", "0"));

        Posted paid = usd.paymentCaptured(new PaymentCaptured("O-US", "P-2", Money.of("60.00", "USD"), "ADYEN",
                "psp-2", nov11), 3, shipped.after());
        assertLines(book(paid.entry(), null, 0, null, true),
                line("1150", "57.00", "0"), line("1100", "0", "55.20"), line("7900", "0", "1.80"));

        // 12.00 back at 0.95: VAT 12 × 20 / 120 = 2.00 → 1.90, the sales return 10.00 → 9.50.
        Posted refunded = usd.refunded(new OrderRefunded("O-US", "R-1", Money.of("12.00", "USD"), "r", nov11), 4,
                paid.after(), List.of());
        assertLines(book(refunded.entry(), null, 0, null, true),
                line("1150", "0", "11.40"), line("2410", "1.90", "0"), line("4100", "9.50", "0"));

        assertThat(balances).containsOnly(
                Map.entry("1150", new BigDecimal("99.60")), Map.entry("2300", new BigDecimal("0.00")),
                Map.entry("1100", new BigDecimal("0.00")), Map.entry("4000", new BigDecimal("-91.00")),
                Map.entry("2410", new BigDecimal("-16.30")), Map.entry("7900", new BigDecimal("-1.80")),
                Map.entry("4100", new BigDecimal("9.50")));
        assertThat(refunded.after().receivableBook()).isEqualByComparingTo("0");
        assertThat(refunded.after().depositsBook()).isEqualByComparingTo("0");

        OrderPlaced francs = new OrderPlaced("O-CH", "WEB", "W-CH", "C-1", "CHF", true, placed.lines(),
                BigDecimal.ZERO, LocalDate.parse("2026-11-03"), List.of(), List.of(), AT);
        assertThatThrownBy(() -> usd.paymentCaptured(new PaymentCaptured("O-CH", "P-3", Money.of("1.00", "CHF"),
                "ADYEN", "psp", nov2), 1, OrderBooks.placed(francs, 0, Map.of())))
                .isInstanceOf(ChartOfAccounts.NoExchangeRate.class)
                .hasMessageContaining("no exchange rate from CHF to EUR for 2026-11-02");
    }

    private void receive(String item, String sku, int quantity, String unitCost, String averageAfter,
                         int onHandAfter) {
        StockValue before = stock.getOrDefault(item, StockValue.NONE);
        book(stockRules.received(new StockReceived(item, sku, "WH-N", quantity, eur(unitCost),
                ReceiptSource.PURCHASE_ORDER, "PO", eur(averageAfter), onHandAfter, 0, AT), before), item,
                onHandAfter, averageAfter, false);
    }

    private static StockReturned returned(ReturnDisposition disposition, int onHandAfter) {
        return new StockReturned(A, "SKU-A", "WH-N", "O-1", "RET-1", 1, 1, disposition, eur("6.6000"), onHandAfter,
                0, 0, 0, AT);
    }

    private OrderBooks assertOrder(Posted posted, JournalLine... expected) {
        assertLines(book(posted.entry(), null, 0, null, true), expected);
        return posted.after();
    }

    /** Adds the entry to the balances (and to the order's margin if it is the order's) and keeps stock values. */
    private JournalEntry book(JournalEntry entry, String item, int onHandAfter, String unitCostAfter,
                              boolean ofTheOrder) {
        for (JournalLine line : entry.lines()) {
            BigDecimal debit = line.debit().subtract(line.credit());
            balances.merge(line.accountCode(), debit, BigDecimal::add);
            var account = chart.account(line.accountCode()).orElseThrow();
            if (ofTheOrder && (account.type() == AccountType.REVENUE || account.type() == AccountType.EXPENSE)) {
                orderIncome.merge(Component.of(line.accountCode(), chart), debit.negate(), BigDecimal::add);
            }
        }
        if (item != null) {
            stock.put(item, new StockValue(onHandAfter, new BigDecimal(unitCostAfter)));
        }
        balances.replaceAll((account, amount) -> amount.setScale(2, java.math.RoundingMode.UNNECESSARY));
        return entry;
    }

    private static void assertLines(JournalEntry entry, JournalLine... expected) {
        assertThat(entry.lines()).containsExactly(expected);
    }

    private static JournalLine line(String account, String debit, String credit) {
        return line(account, debit, credit, null);
    }

    private static JournalLine line(String account, String debit, String credit, String sku) {
        return new JournalLine(account, new BigDecimal(debit), new BigDecimal(credit), sku);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
