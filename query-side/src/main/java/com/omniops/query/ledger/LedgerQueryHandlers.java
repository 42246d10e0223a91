package com.omniops.query.ledger;

import com.omniops.projections.ledger.LedgerReadModel;
import com.omniops.projections.ledger.LedgerViews.JournalEntryView;
import com.omniops.projections.ledger.LedgerViews.JournalPage;
import com.omniops.projections.ledger.LedgerViews.LedgerChecks;
import com.omniops.projections.ledger.LedgerViews.TrialBalance;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.ledger.LedgerQueries.GetJournalEntry;
import com.omniops.query.ledger.LedgerQueries.GetLedgerChecks;
import com.omniops.query.ledger.LedgerQueries.GetTrialBalance;
import com.omniops.query.ledger.LedgerQueries.ListJournalLines;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class LedgerQueryHandlers {

    private final LedgerReadModel readModel;

    LedgerQueryHandlers(LedgerReadModel readModel) {
        this.readModel = readModel;
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
}
