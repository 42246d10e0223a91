package com.omniops.command.config;

import com.omniops.projections.ledger.LedgerReports;
import com.omniops.projections.ledger.LedgerSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The books' reports, read by the margin erosion check from the read model the query side keeps on the same
 * database: the chart of accounts bound from {@code omniops-ledger.yml} as the query side binds it, so both apps read
 * one margin definition with one chart.
 */
@Configuration(proxyBeanMethods = false)
@Import({LedgerSettings.Chart.class, LedgerReports.class})
public class BooksConfiguration {
}
