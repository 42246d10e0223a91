package com.omniops.query.ledger;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.VIEWER;

import com.omniops.projections.ledger.LedgerReportViews.MarginFilter;
import com.omniops.projections.ledger.LedgerReportViews.MarginGroup;
import com.omniops.projections.ledger.LedgerReportViews.MarginPage;
import com.omniops.projections.ledger.LedgerReportViews.MarginSort;
import com.omniops.projections.ledger.LedgerReports;
import com.omniops.projections.ledger.Margin;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.ledger.LedgerQueries.ListMargins;
import com.omniops.query.web.Csv;
import com.omniops.query.web.Queries;
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
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@AllowedRoles({VIEWER, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/margins")
@Tag(name = "Margins", description = "What orders, SKUs, channels and days earn, from the same journal lines as the "
        + "books (docs/ledger.md \"Margins\")")
class MarginsController {

    private static final String DEFINITIONS = " Definitions (docs/ledger.md \"Margins\"): net revenue = gross revenue "
            + "(sales before discount, without tax) − discounts; net sales = net revenue − refunds; gross margin = "
            + "net sales − cost of goods sold; contribution margin = gross margin + shipping charged − shipping cost − "
            + "fees − return losses + other = the sum of every revenue and expense line of the orders; gross margin % "
            + "= gross margin ÷ net sales; contribution margin % = contribution ÷ (net sales + shipping charged). "
            + "Grouped by SKU, the lines that belong to no SKU (fees, shipping, refunds) are one row with key null.";

    private final Queries queries;
    private final LedgerReports reports;

    MarginsController(Queries queries, LedgerReports reports) {
        this.queries = queries;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Margins grouped by order, SKU, channel or business day",
            description = "Filters combine with AND; sorted by the chosen figure (then the key), paged, with the "
                    + "total over every group the filter matches. Each row links to its journal lines." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "A page of margins")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    MarginPage margins(
            @Parameter(description = "ORDER, SKU, CHANNEL or DAY (default CHANNEL)") @RequestParam(required = false)
            String groupBy,
            @Parameter(description = "First business date yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "Last business date yyyy-MM-dd") @RequestParam(required = false) String to,
            @Parameter(description = "Channel") @RequestParam(required = false) String channel,
            @Parameter(description = "Order id") @RequestParam(required = false) String orderId,
            @Parameter(description = "SKU") @RequestParam(required = false) String sku,
            @Parameter(description = "KEY, GROSS_REVENUE, NET_REVENUE, NET_SALES, COST_OF_GOODS_SOLD, GROSS_MARGIN, "
                    + "FEES or CONTRIBUTION_MARGIN (default CONTRIBUTION_MARGIN)") @RequestParam(required = false)
            String sort,
            @Parameter(description = "asc or desc (default desc)") @RequestParam(required = false) String direction,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListMargins(filter(from, to, channel, orderId, sku), group(groupBy), sort(sort),
                descending(direction), paging.page(), paging.size()), ResponseTypes.instanceOf(MarginPage.class));
    }

    @GetMapping("/export")
    @Operation(summary = "Export margins as CSV, streamed",
            description = "Same parameters as the list, every group: key, grossRevenue, discounts, netRevenue, "
                    + "refunds, netSales, costOfGoodsSold, grossMargin, shippingCharged, shippingCost, fees, "
                    + "returnLosses, other, contributionMargin, grossMarginPercent, contributionMarginPercent. Amounts "
                    + "in the company currency with a dot as decimal separator." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "text/csv")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    void export(
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String orderId, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            HttpServletResponse response) throws IOException {
        MarginFilter filter = filter(from, to, channel, orderId, sku);
        MarginGroup group = group(groupBy);
        MarginSort order = sort(sort);
        boolean descending = descending(direction);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"omniops-margins-"
                + group.name().toLowerCase() + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write("key,grossRevenue,discounts,netRevenue,refunds,netSales,costOfGoodsSold,grossMargin,"
                + "shippingCharged,shippingCost,fees,returnLosses,other,contributionMargin,grossMarginPercent,"
                + "contributionMarginPercent\n");
        reports.streamMargins(filter, group, order, descending, row -> {
            Margin m = row.margin();
            try {
                // amounts as numbers (BigDecimal, never in exponent form at their scale): only text is defused
                out.write(Csv.row(row.key(), m.grossRevenue(), m.discounts(), m.netRevenue(), m.refunds(),
                        m.netSales(), m.costOfGoodsSold(), m.grossMargin(), m.shippingCharged(), m.shippingCost(),
                        m.fees(), m.returnLosses(), m.other(), m.contributionMargin(), m.grossMarginPercent(),
                        m.contributionMarginPercent()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static MarginFilter filter(String from, String to, String channel, String orderId, String sku) {
        LocalDate[] range = RequestParams.dateRange(from, to);
        return new MarginFilter(range[0], range[1], RequestParams.optional(channel), RequestParams.optional(orderId),
                RequestParams.optional(sku));
    }

    private static MarginGroup group(String groupBy) {
        MarginGroup group = RequestParams.enumValue("groupBy", groupBy, MarginGroup.class);
        return group == null ? MarginGroup.CHANNEL : group;
    }

    private static MarginSort sort(String sort) {
        MarginSort order = RequestParams.enumValue("sort", sort, MarginSort.class);
        return order == null ? MarginSort.CONTRIBUTION_MARGIN : order;
    }

    private static boolean descending(String direction) {
        return !"ASC".equals(RequestParams.oneOf("direction", direction, "ASC", "DESC"));
    }
}
