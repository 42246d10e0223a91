package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omniops.events.order.FeeType;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart is checked when the app starts: what a wrong configuration gets told. */
class ChartOfAccountsTest {

    private final ChartOfAccounts demo = TestCharts.demo();

    @Test
    void theDemoChartBindsAndMapsEveryValueOfEveryEnumToAnAccountOfTheChart() {
        assertThat(demo.companyCurrency()).isEqualTo("EUR");
        assertThat(demo.postings().receiptSource()).containsOnlyKeys(ReceiptSource.values());
        assertThat(demo.postings().adjustmentReason()).containsOnlyKeys(AdjustmentReason.values());
        assertThat(demo.postings().feeExpense()).containsOnlyKeys(FeeType.values());
        assertThat(demo.account("1300")).hasValueSatisfying(a -> assertThat(a.type()).isEqualTo(AccountType.ASSET));
    }

    @Test
    void aRuleNamingAnAccountTheChartLacksStopsTheStartNamingTheRuleAndTheAccount() {
        List<Account> withoutInventory = demo.accounts().stream().filter(a -> !a.code().equals("1300")).toList();

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", withoutInventory, demo.postings(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postings.inventory names account 1300, which is not in the chart");
    }

    @Test
    void anUnmappedEnumValueStopsTheStartNamingIt() {
        Map<FeeType, String> noOther = new EnumMap<>(demo.postings().feeExpense());
        noOther.remove(FeeType.OTHER);
        ChartOfAccounts.Postings p = demo.postings();
        ChartOfAccounts.Postings postings = new ChartOfAccounts.Postings(p.inventory(), p.inTransit(),
                p.costOfGoodsSold(), p.receiptRounding(), p.returnsWrittenOff(), p.paymentClearing(),
                p.customerDeposits(), p.receiptSource(), p.adjustmentReason(), p.heldWriteOff(), noOther,
                p.feeClearing(), p.sales(), p.settlements());

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", demo.accounts(), postings, List.of()))
                .hasMessageContaining("postings.fee-expense.OTHER names no account");
    }

    @Test
    void aDuplicateCodeOrABadCurrencyIsRefused() {
        List<Account> twice = new ArrayList<>(demo.accounts());
        twice.add(new Account("1300", "Inventory again", AccountType.ASSET));

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", twice, demo.postings(), List.of()))
                .hasMessageContaining("account code 1300 is in the chart twice");
        assertThatThrownBy(() -> new ChartOfAccounts("euro", demo.accounts(), demo.postings(), List.of()))
                .hasMessageContaining("company-currency must be an ISO 4217 code");
    }

    @Test
    void theRateTableIsCheckedAtStartAndAnsweredByDate() {
        java.time.LocalDate jan = java.time.LocalDate.parse("2026-01-01");
        java.time.LocalDate jun = java.time.LocalDate.parse("2026-06-01");
        assertThatThrownBy(() -> new ChartOfAccounts("EUR", demo.accounts(), demo.postings(), List.of(
                new ExchangeRate("EUR", jan, java.math.BigDecimal.ONE))))
                .hasMessageContaining("exchange-rates: EUR from 2026-01-01: the currency must be an ISO 4217 code "
                        + "other than the company currency");
        assertThatThrownBy(() -> new ChartOfAccounts("EUR", demo.accounts(), demo.postings(), List.of(
                new ExchangeRate("USD", jan, new java.math.BigDecimal("-1")))))
                .hasMessageContaining("a rate above 0");
        assertThatThrownBy(() -> new ChartOfAccounts("EUR", demo.accounts(), demo.postings(), List.of(
                new ExchangeRate("USD", jan, java.math.BigDecimal.ONE), new ExchangeRate("USD", jan,
                        java.math.BigDecimal.TEN))))
                .hasMessageContaining("two rates for that day");

        ChartOfAccounts chart = new ChartOfAccounts("EUR", demo.accounts(), demo.postings(), List.of(
                new ExchangeRate("USD", jun, new java.math.BigDecimal("0.95")),
                new ExchangeRate("USD", jan, new java.math.BigDecimal("0.90"))));
        assertThat(chart.rate("USD", jun.minusDays(1))).isEqualByComparingTo("0.90");
        assertThat(chart.rate("USD", jun)).isEqualByComparingTo("0.95");
        assertThat(chart.rate("EUR", jan)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> chart.rate("USD", jan.minusDays(1)))
                .isInstanceOf(ChartOfAccounts.NoExchangeRate.class).hasMessageContaining("2025-12-31");
    }
}
