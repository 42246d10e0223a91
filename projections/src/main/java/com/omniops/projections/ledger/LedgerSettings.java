package com.omniops.projections.ledger;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code omniops.ledger}: the company currency, the chart of accounts, the accounts each posting rule uses and the
 * exchange-rate table
 * (defaults for the demo merchant in {@code omniops-ledger.yml}, which both apps import: the query side posts with it,
 * the command side's margin erosion check reads margins through it; docs/ledger.md). The chart is checked when an app
 * starts ({@link ChartOfAccounts}): a rule naming an account the chart lacks stops it with the reason.
 */
@ConfigurationProperties("omniops.ledger")
public record LedgerSettings(String companyCurrency, List<Account> accounts, ChartOfAccounts.Postings postings,
                             List<ExchangeRate> exchangeRates) {

    /**
     * The chart the ledger projector and its queries use: one bean, so a verification posts as the live one. An app
     * that does not scan this package imports this class.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerSettings.class)
    public static class Chart {
        @Bean
        ChartOfAccounts chartOfAccounts(LedgerSettings settings) {
            return new ChartOfAccounts(settings.companyCurrency(), settings.accounts(), settings.postings(),
                    settings.exchangeRates());
        }
    }
}
