package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.ledger.PostingRules.StockValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked scenario through the posting rules: every journal line and every final balance below was computed by
 * hand (docs/ledger.md "Worked example"), not by the code under test. The test keeps each stock item's on-hand and
 * average cost itself, as the projector does from the same events.
 */
class PostingRulesKnownAnswerTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final String NORTH = "WH-N:SKU-A";
    private static final String SOUTH = "WH-S:SKU-A";

    private final PostingRules rules = new PostingRules(TestCharts.demo());
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, StockValue> stock = new HashMap<>();

    @Test
    void theWorkedExamplePostsEveryLineAndBalanceAsComputedByHand() {
        // 1) 10 units at 4.00 from PO-1: the average is 4.0000.
        assertLines(receive(NORTH, "WH-N", 10, "4.00", ReceiptSource.PURCHASE_ORDER, "PO-1", "4.0000", 10),
                line("1300", "40.0000", "0"), line("2150", "0", "40.0000"));
        // 2) 10 at 7.00 from PO-2: (40 + 70) / 20 = 5.5000 exactly, no rounding.
        assertLines(receive(NORTH, "WH-N", 10, "7.00", ReceiptSource.PURCHASE_ORDER, "PO-2", "5.5000", 20),
                line("1300", "70.0000", "0"), line("2150", "0", "70.0000"));
        // 3) 3 shipped at 5.5000.
        assertLines(post(rules.issued(new StockIssued(NORTH, "SKU-A", "WH-N", "O-1", 1, "S-1", 3, eur("5.5000"), 17,
                        0, AT)), NORTH, 17, "5.5000"),
                line("5000", "16.5000", "0"), line("1300", "0", "16.5000"));
        // 4) the marketplace's commission, 15.00, netted from its payout.
        assertLines(post(rules.feeRecorded(new OrderFeeRecorded("O-1", "F-1", FeeType.MARKETPLACE_COMMISSION,
                        eur("15.00"), "commission", AT)), null, 0, null),
                line("6100", "15.0000", "0"), line("1210", "0", "15.0000"));
        // 5) one unit back to stock, one written off at inspection: both out of cost of goods sold at the 5.5000
        //    they left with, which is also today's average (OrderPostingRulesKnownAnswerTest has one that is not).
        assertLines(post(rules.returned(returned(ReturnDisposition.RESALE, 18), new BigDecimal("5.5000")), NORTH, 18,
                        "5.5000"),
                line("1300", "5.5000", "0"), line("5000", "0", "5.5000"));
        assertLines(post(rules.returned(returned(ReturnDisposition.WRITE_OFF, 18), new BigDecimal("5.5000")), NORTH,
                        18, "5.5000"),
                line("5300", "5.5000", "0"), line("5000", "0", "5.5000"));
        // 6) 1 at 6.00 onto 18 at 5.5000: (99 + 6) / 19 = 5.526315... rounds to 5.5263; 19 × 5.5263 = 104.9997,
        //    so inventory is 0.0003 below 99 + 6 and the rounding account takes it.
        assertLines(receive(NORTH, "WH-N", 1, "6.00", ReceiptSource.PURCHASE_ORDER, "PO-3", "5.5263", 19),
                line("1300", "6.0000", "0"), line("2150", "0", "6.0000"),
                line("1300", "0", "0.0003"), line("5090", "0.0003", "0"));
        // 7) 2 units to the south warehouse: in transit at 5.5263, then received there at the same cost.
        assertLines(post(rules.transferredOut(new StockTransferredOut(NORTH, "SKU-A", "WH-N", "T-1", "WH-S", 2,
                        eur("5.5263"), 17, 0, AT)), NORTH, 17, "5.5263"),
                line("1350", "11.0526", "0"), line("1300", "0", "11.0526"));
        assertLines(receive(SOUTH, "WH-S", 2, "5.5263", ReceiptSource.TRANSFER_IN, "T-1", "5.5263", 2),
                line("1300", "11.0526", "0"), line("1350", "0", "11.0526"));
        // 8) one unit damaged in the south: a loss at 5.5263.
        assertLines(post(rules.adjusted(new StockAdjusted(SOUTH, "SKU-A", "WH-S", -1, AdjustmentReason.DAMAGED,
                        "dropped", eur("5.5263"), 1, 0, AT)), SOUTH, 1, "5.5263"),
                line("1300", "0", "5.5263"), line("5410", "5.5263", "0"));

        assertThat(balances).containsOnly(
                Map.entry("1300", new BigDecimal("99.4734")),
                Map.entry("1350", new BigDecimal("0.0000")),
                Map.entry("2150", new BigDecimal("-116.0000")),
                Map.entry("5000", new BigDecimal("5.5000")),
                Map.entry("5300", new BigDecimal("5.5000")),
                Map.entry("5090", new BigDecimal("0.0003")),
                Map.entry("5410", new BigDecimal("5.5263")),
                Map.entry("6100", new BigDecimal("15.0000")),
                Map.entry("1210", new BigDecimal("-15.0000")));
        // The inventory account is what the stock items hold: 17 × 5.5263 in the north plus 1 × 5.5263 in the south.
        BigDecimal held = stock.values().stream().map(StockValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(held).isEqualByComparingTo("99.4734").isEqualByComparingTo(balances.get("1300"));
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
    }

    @Test
    void stockInAnotherCurrencyIsRefusedAndAFeeWithoutARateTooNeverPostedAtPar() {
        assertThatThrownBy(() -> rules.issued(new StockIssued(NORTH, "SKU-A", "WH-N", "O-2", 1, "S-2", 1,
                Money.of("10.00", "USD"), 0, 0, AT)))
                .isInstanceOf(PostingRules.ForeignCurrency.class)
                .hasMessageContaining("10.00 USD").hasMessageContaining("valued in EUR");
        // a fee converts at its day's rate (the demo table: USD 0.92) ...
        JournalEntry usd = rules.feeRecorded(new OrderFeeRecorded("O-2", "F-2", FeeType.OTHER,
                Money.of("10.00", "USD"), "fee", AT));
        assertLines(usd, line("6190", "9.20", "0"), line("2000", "0", "9.20"));
        assertThat(usd.conversion().currency()).isEqualTo("USD");
        assertThat(usd.conversion().rate()).isEqualByComparingTo("0.92");
        // ... and waits in the dead-letter queue when the table has none
        assertThatThrownBy(() -> rules.feeRecorded(new OrderFeeRecorded("O-2", "F-3", FeeType.OTHER,
                Money.of("10.00", "CHF"), "fee", AT)))
                .isInstanceOf(ChartOfAccounts.NoExchangeRate.class).hasMessageContaining("CHF");
    }

    @Test
    void anUnbalancedEntryCannotBeMade() {
        assertThatThrownBy(() -> new JournalEntry("broken", null, null, null, null, List.of(
                JournalLine.debit("1300", new BigDecimal("1.00")), JournalLine.credit("2150", new BigDecimal("0.99")))))
                .isInstanceOf(JournalEntry.UnbalancedEntry.class).hasMessageContaining("broken");
    }

    private JournalEntry receive(String item, String warehouse, int quantity, String unitCost, ReceiptSource source,
                                 String reference, String averageAfter, int onHandAfter) {
        StockValue before = stock.getOrDefault(item, StockValue.NONE);
        JournalEntry entry = rules.received(new StockReceived(item, "SKU-A", warehouse, quantity, eur(unitCost),
                source, reference, eur(averageAfter), onHandAfter, 0, AT), before);
        return post(entry, item, onHandAfter, averageAfter);
    }

    private StockReturned returned(ReturnDisposition disposition, int onHandAfter) {
        return new StockReturned(NORTH, "SKU-A", "WH-N", "O-1", "R-1", 1, 1, disposition, eur("5.5000"), onHandAfter,
                0, 0, 0, AT);
    }

    /** Adds the entry to the balances and, for a stock event, records the item's value after it. */
    private JournalEntry post(JournalEntry entry, String item, int onHandAfter, String unitCostAfter) {
        for (JournalLine line : entry.lines()) {
            balances.merge(line.accountCode(), line.debit().subtract(line.credit()), BigDecimal::add);
        }
        if (item != null) {
            stock.put(item, new StockValue(onHandAfter, new BigDecimal(unitCostAfter)));
        }
        return entry;
    }

    private static void assertLines(JournalEntry entry, JournalLine... expected) {
        assertThat(entry.lines()).containsExactly(expected);
    }

    private static JournalLine line(String account, String debit, String credit) {
        return new JournalLine(account, new BigDecimal(debit), new BigDecimal(credit), null);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
