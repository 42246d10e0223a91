package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.projections.ledger.SettlementPostingRules.OrderFees;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A marketplace settlement posted by hand. Order O-1 was paid 128.15 through the marketplace (marketplace clearing
 * 1210 debited 128.15) and recorded a 15.00 commission estimate (6100 debited, 1210 credited). The settlement states,
 * for O-1: price 119.40, tax 3.80, shipping 4.95 (= the 128.15 collected), commission −17.91 and a fulfilment fee
 * −3.00 it never recorded; a commission of −1.00 for an order reference nobody knows; a storage fee −5.00; a reserve
 * held back −20.00; a row no rule knows +2.50. The rows add up to 83.74, the report's total says 84.74.
 */
class SettlementPostingRulesKnownAnswerTest {

    private static final Instant DEPOSIT = Instant.parse("2026-11-17T07:00:00Z");

    private final SettlementPostingRules rules = new SettlementPostingRules(TestCharts.demo());

    @Test
    void theSettlementReplacesTheOrdersFeeEstimateAndEmptiesTheClearingAccount() {
        Map<SettlementRowKind, BigDecimal> byKind = new EnumMap<>(SettlementRowKind.class);
        byKind.put(SettlementRowKind.PRINCIPAL, new BigDecimal("119.40"));
        byKind.put(SettlementRowKind.TAX, new BigDecimal("3.80"));
        byKind.put(SettlementRowKind.SHIPPING, new BigDecimal("4.95"));
        byKind.put(SettlementRowKind.COMMISSION, new BigDecimal("-18.91"));
        byKind.put(SettlementRowKind.FULFILMENT_FEE, new BigDecimal("-3.00"));
        byKind.put(SettlementRowKind.ACCOUNT_FEE, new BigDecimal("-5.00"));
        byKind.put(SettlementRowKind.RESERVE, new BigDecimal("-20.00"));
        byKind.put(SettlementRowKind.UNKNOWN, new BigDecimal("2.50"));
        SettlementImported event = new SettlementImported("AMAZON~S-1", "AMAZON", SettlementSource.MARKETPLACE_REPORT,
                Money.of("84.74", "EUR"), 9, new BigDecimal("83.74"), byKind, true, DEPOSIT, DEPOSIT);
        OrderFees o1 = new OrderFees("O-1",
                Map.of(FeeType.MARKETPLACE_COMMISSION, new BigDecimal("-17.91"), FeeType.FULFILMENT,
                        new BigDecimal("-3.00")),
                Map.of(FeeType.MARKETPLACE_COMMISSION, new BigDecimal("15.0000")));

        JournalEntry entry = rules.imported(event, List.of(o1));

        assertThat(entry.orderId()).isNull();
        assertThat(entry.reference()).isEqualTo("AMAZON~S-1");
        assertThat(entry.lines()).containsExactlyInAnyOrder(
                // O-1: the settled commission, the estimate reversed, the fulfilment fee it never recorded
                line("6100", "17.91", "0", "O-1"), line("1210", "0", "17.91", "O-1"),
                line("1210", "15.00", "0", "O-1"), line("6100", "0", "15.00", "O-1"),
                line("6120", "3.00", "0", "O-1"), line("1210", "0", "3.00", "O-1"),
                // the commission of no known order, the storage fee, the reserve, the unknown row
                line("6100", "1.00", "0", null), line("1210", "0", "1.00", null),
                line("1220", "20.00", "0", null), line("1210", "0", "20.00", null),
                line("6130", "5.00", "0", null), line("1210", "0", "5.00", null),
                line("1290", "0", "2.50", null), line("1210", "2.50", "0", null),
                // the 1.00 the rows do not explain, and the deposit
                line("1210", "1.00", "0", null), line("1290", "0", "1.00", null),
                line("1010", "84.74", "0", null), line("1210", "0", "84.74", null));

        Map<String, BigDecimal> balances = new HashMap<>();
        balances.put("1210", new BigDecimal("128.15").subtract(new BigDecimal("15.00"))); // payment, estimate
        balances.put("6100", new BigDecimal("15.00"));
        entry.lines().forEach(l -> balances.merge(l.accountCode(), l.debit().subtract(l.credit()), BigDecimal::add));
        assertThat(balances.get("1210")).isEqualByComparingTo("0");        // all that was collected is settled
        assertThat(balances.get("6100")).isEqualByComparingTo("18.91");    // 17.91 settled for O-1 + 1.00 of no order
        assertThat(balances.get("1290")).isEqualByComparingTo("-3.50");    // suspense: 2.50 unknown + 1.00 difference
        assertThat(balances.get("1010")).isEqualByComparingTo("84.74");

        // O-1's margin sees the settled fees only
        BigDecimal o1Fees = entry.lines().stream().filter(l -> "O-1".equals(l.orderId())
                        && List.of("6100", "6120").contains(l.accountCode()))
                .map(l -> l.debit().subtract(l.credit())).reduce(new BigDecimal("15.00"), BigDecimal::add);
        assertThat(o1Fees).isEqualByComparingTo("20.91");
        assertThat(SettlementPostingRules.replaced(List.of(o1)))
                .isEqualTo(Map.of("O-1", List.of(FeeType.MARKETPLACE_COMMISSION)));
    }

    @Test
    void aNegativeSettlementIsOwedToTheMarketplace() {
        SettlementImported event = new SettlementImported("AMAZON~S-2", "AMAZON", SettlementSource.MARKETPLACE_REPORT,
                Money.of("-30.00", "EUR"), 1, new BigDecimal("-30.00"),
                Map.of(SettlementRowKind.ACCOUNT_FEE, new BigDecimal("-30.00")), false, DEPOSIT, DEPOSIT);

        JournalEntry entry = rules.imported(event, List.of());

        assertThat(entry.lines()).containsExactlyInAnyOrder(
                line("6130", "30.00", "0", null), line("1210", "0", "30.00", null),
                line("2050", "0", "30.00", null), line("1210", "30.00", "0", null));
    }

    @Test
    void aPayoutSettlesTheProvidersClearingAccount() {
        SettlementImported event = new SettlementImported("WEB~po_1", "WEB", SettlementSource.PAYOUT_REPORT,
                Money.of("27.65", "EUR"), 2, new BigDecimal("27.65"),
                Map.of(SettlementRowKind.PRINCIPAL, new BigDecimal("28.65"),
                        SettlementRowKind.PAYMENT_FEE, new BigDecimal("-1.00")), false, DEPOSIT, DEPOSIT);
        OrderFees order = new OrderFees("O-2", Map.of(FeeType.PAYMENT_PROCESSING, new BigDecimal("-1.00")),
                Map.of(FeeType.PAYMENT_PROCESSING, new BigDecimal("0.80")));

        JournalEntry entry = rules.imported(event, List.of(order));

        assertThat(entry.lines()).containsExactlyInAnyOrder(
                line("6110", "1.00", "0", "O-2"), line("1150", "0", "1.00", "O-2"),
                line("1150", "0.80", "0", "O-2"), line("6110", "0", "0.80", "O-2"),
                line("1010", "27.65", "0", null), line("1150", "0", "27.65", null));
    }

    private static JournalLine line(String account, String debit, String credit, String orderId) {
        return new JournalLine(account, new BigDecimal(debit), new BigDecimal(credit), null, orderId);
    }
}
