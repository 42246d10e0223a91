package com.omniops.query.ledger;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;

import com.omniops.projections.ledger.Account;
import com.omniops.projections.ledger.ChartOfAccounts;
import com.omniops.projections.ledger.LedgerReadModel;
import com.omniops.projections.ledger.LedgerViews.JournalEntryView;
import com.omniops.projections.ledger.LedgerViews.JournalFilter;
import com.omniops.projections.ledger.LedgerViews.JournalPage;
import com.omniops.projections.ledger.LedgerViews.LedgerChecks;
import com.omniops.projections.ledger.LedgerViews.TrialBalance;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.ledger.LedgerQueries.GetJournalEntry;
import com.omniops.query.ledger.LedgerQueries.GetLedgerChecks;
import com.omniops.query.ledger.LedgerQueries.GetTrialBalance;
import com.omniops.query.ledger.LedgerQueries.ListJournalLines;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.Csv;
import com.omniops.query.web.Queries;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@AllowedRoles({FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/ledger")
@Tag(name = LedgerController.TAG, description = LedgerController.TAG_DESCRIPTION)
class LedgerController {

    /** The OpenAPI tag of every /api/ledger endpoint (this controller's and {@link LedgerStatementsController}'s). */
    static final String TAG = "Ledger";
    static final String TAG_DESCRIPTION = "The books: chart of accounts, trial balance, journal with drill-down to "
            + "the events, statements, and the invariants checked on the live data (docs/ledger.md)";

    private final Queries queries;
    private final LedgerReadModel readModel;
    private final ChartOfAccounts chart;
    private final Clock clock;

    LedgerController(Queries queries, LedgerReadModel readModel, ChartOfAccounts chart, Clock clock) {
        this.queries = queries;
        this.readModel = readModel;
        this.chart = chart;
        this.clock = clock;
    }

    @GetMapping("/accounts")
    @Operation(summary = "The chart of accounts, in code order", description = "Configured in omniops.ledger "
            + "(docs/ledger.md), with the company currency the books are kept in.")
    @ApiResponse(responseCode = "200", description = "The accounts")
    List<Account> accounts() {
        return chart.accounts().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    @GetMapping("/trial-balance")
    @Operation(summary = "Trial balance as of a business date",
            description = "Every account's debits, credits and balance (debit − credit) over all entries up to and "
                    + "including asOf (default: today, UTC). Each row links to its journal lines.")
    @ApiResponse(responseCode = "200", description = "The trial balance")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    TrialBalance trialBalance(
            @Parameter(description = "Business date yyyy-MM-dd, inclusive") @RequestParam(required = false)
            String asOf) {
        LocalDate date = RequestParams.date("asOf", asOf);
        return queries.ask(new GetTrialBalance(date == null ? LocalDate.now(clock) : date),
                ResponseTypes.instanceOf(TrialBalance.class));
    }

    @GetMapping("/journal")
    @Operation(summary = "Journal lines, newest event first",
            description = "All filters are optional and combine with AND: account code, business dates from / to "
                    + "(inclusive), order, SKU (of the line), channel (of the entry's order), source aggregate id, source event id. Each line names the event that posted it, with a "
                    + "link to it in the audit API.")
    @ApiResponse(responseCode = "200", description = "A page of journal lines")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    JournalPage journal(
            @Parameter(description = "Account code") @RequestParam(required = false) String account,
            @Parameter(description = "First business date yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Last business date yyyy-MM-dd") @RequestParam(required = false) String to,
            @Parameter(description = "Order id") @RequestParam(required = false) String orderId,
            @Parameter(description = "SKU of the line") @RequestParam(required = false) String sku,
            @Parameter(description = "Channel of the entry's order") @RequestParam(required = false) String channel,
            @Parameter(description = "Source aggregate id (an order, a stock item, a transfer, ...)")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Source event id") @RequestParam(required = false) String eventId,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        JournalFilter filter = filter(account, from, to, orderId, sku, channel, aggregateId, eventId);
        return queries.ask(new ListJournalLines(filter, paging.page(), paging.size()),
                ResponseTypes.instanceOf(JournalPage.class));
    }

    @GetMapping("/journal/export")
    @Operation(summary = "Export journal lines as CSV, streamed",
            description = "Same filters as the journal, every matching line, oldest event first: entryId, lineNo, "
                    + "businessDate, accountCode, accountName, debit, credit, description, orderId, sku, warehouseId, "
                    + "reference, eventType, aggregateType, aggregateId, aggregateSequence, globalIndex, occurredAt, "
                    + "actor. Amounts in the company currency with a dot as decimal separator.")
    @ApiResponse(responseCode = "200", description = "text/csv")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    void export(
            @Parameter(description = "Account code") @RequestParam(required = false) String account,
            @Parameter(description = "First business date yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Last business date yyyy-MM-dd") @RequestParam(required = false) String to,
            @Parameter(description = "Order id") @RequestParam(required = false) String orderId,
            @Parameter(description = "SKU of the line") @RequestParam(required = false) String sku,
            @Parameter(description = "Channel of the entry's order") @RequestParam(required = false) String channel,
            @Parameter(description = "Source aggregate id (an order, a stock item, a transfer, ...)")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Source event id") @RequestParam(required = false) String eventId,
            HttpServletResponse response) throws IOException {
        JournalFilter filter = filter(account, from, to, orderId, sku, channel, aggregateId, eventId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"omniops-journal.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write("entryId,lineNo,businessDate,accountCode,accountName,debit,credit,description,orderId,sku,"
                + "warehouseId,reference,eventType,aggregateType,aggregateId,aggregateSequence,globalIndex,"
                + "occurredAt,actor\n");
        readModel.streamJournal(filter, line -> {
            try {
                out.write(Csv.row(line.entryId(), line.lineNo(), line.businessDate(), line.accountCode(),
                        line.accountName(), line.debit().toPlainString(), line.credit().toPlainString(),
                        line.description(), line.orderId(), line.sku(), line.warehouseId(), line.reference(),
                        line.source().eventType(), line.source().aggregateType(), line.source().aggregateId(),
                        line.source().aggregateSequence(), line.source().globalIndex(), line.source().occurredAt(),
                        line.source().actor()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** The journal's filters, validated: a known account, dates in range and in order. */
    private JournalFilter filter(String account, String from, String to, String orderId, String sku,
                                 String channel, String aggregateId, String eventId) {
        String accountCode = RequestParams.optional(account);
        if (accountCode != null && chart.account(accountCode).isEmpty()) {
            throw RequestParams.invalid("account", "account " + accountCode + " is not in the chart of accounts "
                    + "(GET /api/ledger/accounts)");
        }
        LocalDate[] dates = RequestParams.dateRange(from, to);
        return new JournalFilter(accountCode, dates[0], dates[1], RequestParams.optional(orderId),
                RequestParams.optional(sku), RequestParams.optional(channel), RequestParams.optional(aggregateId),
                RequestParams.optional(eventId));
    }

    @GetMapping("/entries/{eventId}")
    @Operation(summary = "The journal entry one business event posted, with all its lines")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(responseCode = "404", description = "JOURNAL_ENTRY_NOT_FOUND")
    JournalEntryView entry(@PathVariable String eventId) {
        return queries.ask(new GetJournalEntry(eventId), ResponseTypes.optionalInstanceOf(JournalEntryView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.JOURNAL_ENTRY_NOT_FOUND, "Event '" + eventId
                        + "' posted no journal entry (it moves no value, or the ledger has not reached it yet)."));
    }

    @GetMapping("/checks")
    @Operation(summary = "The books' invariants on the live data",
            description = "ENTRIES_BALANCED, TRIAL_BALANCE_BALANCED, DAILY_TOTALS_MATCH_LINES, "
                    + "INVENTORY_EQUALS_STOCK_VALUE (the inventory account against on hand × average cost of every "
                    + "stock item), IN_TRANSIT_EQUALS_OPEN_TRANSFERS (the in-transit account against what the transfers "
                    + "still carry), RECEIVABLES_EQUAL_OPEN_ORDERS (shipped, not paid), DEPOSITS_EQUAL_UNSHIPPED_PAYMENTS "
                    + "(paid, not shipped) and NO_DEAD_LETTERS, read in one snapshot; ok when all hold.")
    @ApiResponse(responseCode = "200", description = "The checks")
    LedgerChecks checks() {
        return queries.ask(new GetLedgerChecks(), ResponseTypes.instanceOf(LedgerChecks.class));
    }
}
