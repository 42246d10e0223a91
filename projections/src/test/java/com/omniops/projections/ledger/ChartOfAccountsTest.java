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

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", withoutInventory, demo.postings()))
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
                p.feeClearing(), p.sales());

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", demo.accounts(), postings))
                .hasMessageContaining("postings.fee-expense.OTHER names no account");
    }

    @Test
    void aDuplicateCodeOrABadCurrencyIsRefused() {
        List<Account> twice = new ArrayList<>(demo.accounts());
        twice.add(new Account("1300", "Inventory again", AccountType.ASSET));

        assertThatThrownBy(() -> new ChartOfAccounts("EUR", twice, demo.postings()))
                .hasMessageContaining("account code 1300 is in the chart twice");
        assertThatThrownBy(() -> new ChartOfAccounts("euro", demo.accounts(), demo.postings()))
                .hasMessageContaining("company-currency must be an ISO 4217 code");
    }
}
