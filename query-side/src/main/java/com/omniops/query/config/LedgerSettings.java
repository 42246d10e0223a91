package com.omniops.query.config;

import com.omniops.projections.ledger.Account;
import com.omniops.projections.ledger.ChartOfAccounts;
import com.omniops.projections.ledger.ExchangeRate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code omniops.ledger}: the company currency, the chart of accounts, the accounts each posting rule uses and the
 * exchange-rate table
 * (defaults for the demo merchant in {@code omniops-ledger.yml}; docs/ledger.md). The chart is checked when the app
 * starts ({@link ChartOfAccounts}): a rule naming an account the chart lacks stops it with the reason.
 */
@ConfigurationProperties("omniops.ledger")
public record LedgerSettings(String companyCurrency, List<Account> accounts, ChartOfAccounts.Postings postings,
                             List<ExchangeRate> exchangeRates) {

    /** The chart the ledger projector and its queries use: one bean, so a verification posts as the live one. */
    @Configuration(proxyBeanMethods = false)
    static class Chart {
        @Bean
        ChartOfAccounts chartOfAccounts(LedgerSettings settings) {
            return new ChartOfAccounts(settings.companyCurrency(), settings.accounts(), settings.postings(),
                    settings.exchangeRates());
        }
    }
}
