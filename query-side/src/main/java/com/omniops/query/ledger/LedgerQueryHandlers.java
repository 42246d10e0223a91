package com.omniops.query.ledger;

import com.omniops.projections.ledger.LedgerReadModel;
import com.omniops.projections.ledger.LedgerReportViews.BalanceSheet;
import com.omniops.projections.ledger.LedgerReportViews.IncomeStatement;
import com.omniops.projections.ledger.LedgerReportViews.MarginPage;
import com.omniops.projections.ledger.LedgerReportViews.TaxSummary;
import com.omniops.projections.ledger.LedgerReports;
import com.omniops.projections.ledger.LedgerViews.JournalEntryView;
import com.omniops.projections.ledger.LedgerViews.JournalPage;
import com.omniops.projections.ledger.LedgerViews.LedgerChecks;
import com.omniops.projections.ledger.LedgerViews.TrialBalance;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.ledger.LedgerQueries.GetBalanceSheet;
import com.omniops.query.ledger.LedgerQueries.GetIncomeStatement;
import com.omniops.query.ledger.LedgerQueries.GetJournalEntry;
import com.omniops.query.ledger.LedgerQueries.GetLedgerChecks;
import com.omniops.query.ledger.LedgerQueries.GetTaxSummary;
import com.omniops.query.ledger.LedgerQueries.GetTrialBalance;
import com.omniops.query.ledger.LedgerQueries.ListJournalLines;
import com.omniops.query.ledger.LedgerQueries.ListMargins;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class LedgerQueryHandlers {

    private final LedgerReadModel readModel;
    private final LedgerReports reports;

    LedgerQueryHandlers(LedgerReadModel readModel, LedgerReports reports) {
        this.readModel = readModel;
        this.reports = reports;
    }

    @QueryHandler
    TrialBalance handle(GetTrialBalance query) {
        return readModel.trialBalance(query.asOf());
    }

    @QueryHandler
    JournalPage handle(ListJournalLines query) {
        return readModel.journal(query.filter(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<JournalEntryView> handle(GetJournalEntry query) {
        return readModel.entry(query.eventId());
    }

    @QueryHandler
    LedgerChecks handle(GetLedgerChecks query) {
        return readModel.checks();
    }

    @QueryHandler
    MarginPage handle(ListMargins query) {
        return reports.margins(query.filter(), query.groupBy(), query.sort(), query.descending(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    IncomeStatement handle(GetIncomeStatement query) {
        return reports.incomeStatement(query.month());
    }

    @QueryHandler
    BalanceSheet handle(GetBalanceSheet query) {
        return reports.balanceSheet(query.asOf());
    }

    @QueryHandler
    TaxSummary handle(GetTaxSummary query) {
        return reports.taxSummary(query.from(), query.to());
    }
}
