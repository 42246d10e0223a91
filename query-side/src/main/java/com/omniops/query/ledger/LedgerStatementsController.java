package com.omniops.query.ledger;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;

import com.omniops.projections.ledger.LedgerReportViews.BalanceSheet;
import com.omniops.projections.ledger.LedgerReportViews.IncomeStatement;
import com.omniops.projections.ledger.LedgerReportViews.TaxSummary;
import com.omniops.query.ledger.LedgerQueries.GetBalanceSheet;
import com.omniops.query.ledger.LedgerQueries.GetIncomeStatement;
import com.omniops.query.ledger.LedgerQueries.GetTaxSummary;
import com.omniops.query.web.Queries;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@AllowedRoles({FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/ledger")
@Tag(name = LedgerController.TAG, description = LedgerController.TAG_DESCRIPTION)
class LedgerStatementsController {

    private final Queries queries;
    private final Clock clock;

    LedgerStatementsController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/income-statement")
    @Operation(summary = "Income statement of a month, by channel",
            description = "Every revenue and expense account's amount over the month's business dates (revenue as "
                    + "credit − debit, expenses as debit − credit), split by the channel of the order its lines "
                    + "belong to (\"\" for lines of no order: stock losses, receipt rounding), with revenue, expenses "
                    + "and net income, also per channel. A channel's net income equals its contribution margin in "
                    + "/api/margins?groupBy=CHANNEL for the same dates. Each row links to its journal lines.")
    @ApiResponse(responseCode = "200", description = "The income statement")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    IncomeStatement incomeStatement(
            @Parameter(description = "Month yyyy-MM (default: this month, UTC)") @RequestParam(required = false)
            String month) {
        YearMonth parsed = RequestParams.month("month", month);
        return queries.ask(new GetIncomeStatement(parsed == null ? YearMonth.now(clock) : parsed),
                ResponseTypes.instanceOf(IncomeStatement.class));
    }

    @GetMapping("/balance-sheet")
    @Operation(summary = "Balance sheet at the end of a business date",
            description = "Assets (debit − credit), liabilities and equity (credit − debit) per account, and the "
                    + "earnings to date (revenue − expenses, not closed into equity yet); balanced when assets = "
                    + "liabilities + equity + earnings.")
    @ApiResponse(responseCode = "200", description = "The balance sheet")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    BalanceSheet balanceSheet(
            @Parameter(description = "Business date yyyy-MM-dd, inclusive (default: today, UTC)")
            @RequestParam(required = false) String asOf) {
        LocalDate date = RequestParams.date("asOf", asOf);
        return queries.ask(new GetBalanceSheet(date == null ? LocalDate.now(clock) : date),
                ResponseTypes.instanceOf(BalanceSheet.class));
    }

    @GetMapping("/tax-summary")
    @Operation(summary = "Tax per tax category over a period",
            description = "Per tax-payable account (and the product tax categories mapped to it): tax collected on "
                    + "shipments, tax given back with refunds, and the net payable, over business dates from–to "
                    + "(default: this month so far).")
    @ApiResponse(responseCode = "200", description = "The tax summary")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    TaxSummary taxSummary(
            @Parameter(description = "First business date yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Last business date yyyy-MM-dd") @RequestParam(required = false) String to) {
        LocalDate[] range = RequestParams.dateRange(from, to);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = range[1] == null ? today : range[1];
        LocalDate first = range[0] == null ? YearMonth.from(last).atDay(1) : range[0];
        if (first.isAfter(last)) {
            throw RequestParams.invalid("from", "from (" + first + ") must not be after to (" + last + ")");
        }
        return queries.ask(new GetTaxSummary(first, last), ResponseTypes.instanceOf(TaxSummary.class));
    }
}
