package com.omniops.query.settlements;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;

import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.projections.settlements.MatchState;
import com.omniops.projections.settlements.OrderDifferences;
import com.omniops.projections.settlements.OrderDifferences.Difference;
import com.omniops.projections.settlements.SettlementViews.DifferenceFilter;
import com.omniops.projections.settlements.SettlementViews.DifferencePage;
import com.omniops.projections.settlements.SettlementViews.Row;
import com.omniops.projections.settlements.SettlementViews.RowFilter;
import com.omniops.projections.settlements.SettlementViews.RowPage;
import com.omniops.projections.settlements.SettlementViews.Settlement;
import com.omniops.projections.settlements.SettlementViews.SettlementFilter;
import com.omniops.projections.settlements.SettlementViews.SettlementPage;
import com.omniops.projections.settlements.SettlementViews.UnsettledAge;
import com.omniops.projections.settlements.SettlementsReadModel;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.settlements.SettlementQueries.GetSettlement;
import com.omniops.query.settlements.SettlementQueries.ListOrderDifferences;
import com.omniops.query.settlements.SettlementQueries.ListSettlementRows;
import com.omniops.query.settlements.SettlementQueries.ListSettlements;
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
import java.time.Duration;
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
@RequestMapping("/api/settlements")
@Tag(name = "Settlements", description = "Imported marketplace settlements and payouts, their rows and what they "
        + "were matched to (docs/settlements.md)")
class SettlementsController {

    private static final String MATCH_STATES = "MATCHED (its order is known), UNKNOWN_ORDER (names an order no order "
            + "of the channel has), NO_ORDER (an order's amount without an order reference), ACCOUNT (a reserve or "
            + "an account fee: nothing to match), SUSPENSE (a row no rule knows)";

    private final Queries queries;
    private final SettlementsReadModel readModel;
    private final Clock clock;

    SettlementsController(Queries queries, SettlementsReadModel readModel, Clock clock) {
        this.queries = queries;
        this.readModel = readModel;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Settlements, latest deposit first",
            description = "Status IMPORTING (rows still arriving: rowsRecorded of rowCount) or IMPORTED. exception: "
                    + "the rows do not add up to the report's total (difference = total − rowsTotal). Per "
                    + "settlement: rows per match state, unmatchedRows, and the rows' sum per kind.")
    @ApiResponse(responseCode = "200", description = "A page of settlements")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    SettlementPage settlements(
            @Parameter(description = "Channel") @RequestParam(required = false) String channelId,
            @Parameter(description = "IMPORTING or IMPORTED") @RequestParam(required = false) String status,
            @Parameter(description = "true: only exceptions; false: only those without") @RequestParam(required =
                    false) String exception,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        String flag = RequestParams.oneOf("exception", exception, "TRUE", "FALSE");
        return queries.ask(new ListSettlements(new SettlementFilter(RequestParams.optional(channelId),
                        RequestParams.oneOf("status", status, "IMPORTING", "IMPORTED"),
                        flag == null ? null : Boolean.valueOf(flag)), paging.page(), paging.size()),
                ResponseTypes.instanceOf(SettlementPage.class));
    }

    @GetMapping("/{settlementId}")
    @Operation(summary = "One settlement with its totals and its rows per match state")
    @ApiResponse(responseCode = "200", description = "The settlement")
    @ApiResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    Settlement settlement(@PathVariable String settlementId) {
        return queries.ask(new GetSettlement(settlementId), ResponseTypes.optionalInstanceOf(Settlement.class))
                .orElseThrow(() -> notFound(settlementId));
    }

    @GetMapping("/{settlementId}/rows")
    @Operation(summary = "A settlement's rows in file order, with the order each was matched to",
            description = "Match states: " + MATCH_STATES + ".")
    @ApiResponse(responseCode = "200", description = "A page of rows")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    RowPage rows(@PathVariable String settlementId,
                 @Parameter(description = "Match state") @RequestParam(required = false) String matchState,
                 @Parameter(description = "Kind: PRINCIPAL, TAX, SHIPPING, COMMISSION, FULFILMENT_FEE, PAYMENT_FEE, "
                         + "OTHER_FEE, PROMOTION, RESERVE, ACCOUNT_FEE or UNKNOWN") @RequestParam(required = false)
                 String kind,
                 @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
                 @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                         + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        RowFilter filter = new RowFilter(settlementId, null, states(matchState), kind(kind));
        settlement(settlementId);
        return queries.ask(new ListSettlementRows(filter, paging.page(), paging.size()),
                ResponseTypes.instanceOf(RowPage.class));
    }

    @GetMapping("/unmatched-rows")
    @Operation(summary = "Rows of imported settlements that finance must look at, latest deposit first",
            description = "UNKNOWN_ORDER, NO_ORDER and SUSPENSE rows (or one of them with matchState).")
    @ApiResponse(responseCode = "200", description = "A page of rows")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    RowPage unmatchedRows(
            @Parameter(description = "Channel") @RequestParam(required = false) String channelId,
            @Parameter(description = "UNKNOWN_ORDER, NO_ORDER or SUSPENSE") @RequestParam(required = false)
            String matchState,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListSettlementRows(unmatchedFilter(channelId, matchState), paging.page(),
                paging.size()), ResponseTypes.instanceOf(RowPage.class));
    }

    @GetMapping("/unmatched-rows/export")
    @Operation(summary = "Export the unmatched rows as CSV, streamed",
            description = "Same parameters as the list, every row: settlementId, rowNo, channelId, line, kind, "
                    + "transactionType, orderReference, matchState, amount, description, transactionId, sku, "
                    + "quantity, postedAt. Amounts in the settlement's currency with a dot as decimal separator.")
    @ApiResponse(responseCode = "200", description = "text/csv")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    void exportUnmatchedRows(@RequestParam(required = false) String channelId,
                             @RequestParam(required = false) String matchState,
                             HttpServletResponse response) throws IOException {
        RowFilter filter = unmatchedFilter(channelId, matchState);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"omniops-unmatched-settlement-rows.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write("settlementId,rowNo,channelId,line,kind,transactionType,orderReference,matchState,amount,"
                + "description,transactionId,sku,quantity,postedAt\n");
        readModel.streamRows(filter, (Row r) -> {
            try {
                out.write(Csv.row(r.settlementId(), r.rowNo(), r.channelId(), r.line(), r.kind(),
                        r.transactionType(), r.orderReference(), r.matchState(), r.amount(), r.description(),
                        r.transactionId(), r.sku(), r.quantity(), r.postedAt()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static final String DIFFERENCES = "Per order of a channel with imported settlements: expected sales = "
            + "captured − refunded, settled sales = its price, tax, shipping and promotion rows (refunds negative), "
            + "salesDifference = settled − expected; fees recorded against fees settled (its order fee rows, as a "
            + "cost), feeDifference = settled − recorded; refundsSettled against refunded. Types: "
            + "FEE_HIGHER_THAN_RECORDED, FEE_LOWER_THAN_RECORDED, REFUND_SETTLED_NOT_RECORDED, REFUND_NOT_YET_SETTLED, "
            + "SALES_DIFFERENCE (not explained by refunds), NOT_SETTLED (paid more than unsettledAfterDays ago and in "
            + "no settlement). Accepted differences are left out unless includeAccepted; one that changed since is "
            + "open again (docs/settlements.md \"Differences\").";

    @GetMapping("/unsettled")
    @Operation(summary = "What is paid and not yet settled, per channel and age of the first payment",
            description = "Per channel with imported settlements and age band of the order's first payment (0-7, "
                    + "8-14, 15-30, 31+ days): orders and their unsettled amount = captured − refunded − settled sales "
                    + "(negative: the settlements paid more than the orders kept, e.g. a refund not yet settled back).")
    @ApiResponse(responseCode = "200", description = "Age bands per channel")
    List<UnsettledAge> unsettled(@Parameter(description = "Channel") @RequestParam(required = false)
                                 String channelId) {
        return readModel.unsettledByAge(RequestParams.optional(channelId), clock.instant());
    }

    @GetMapping("/differences")
    @Operation(summary = "Orders whose settlements differ from what their payments, fees and refunds say, oldest "
            + "payment first", description = DIFFERENCES)
    @ApiResponse(responseCode = "200", description = "A page of order differences")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    DifferencePage differences(
            @Parameter(description = "Channel") @RequestParam(required = false) String channelId,
            @Parameter(description = "One type of difference") @RequestParam(required = false) String type,
            @Parameter(description = "true: accepted differences too") @RequestParam(required = false)
            String includeAccepted,
            @Parameter(description = "Days after its first payment an order counts as NOT_SETTLED (0 to 365, "
                    + "default 14; 0: every paid order in no settlement)") @RequestParam(defaultValue = "14") int unsettledAfterDays,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListOrderDifferences(differenceFilter(channelId, type, includeAccepted,
                        unsettledAfterDays), paging.page(), paging.size()),
                ResponseTypes.instanceOf(DifferencePage.class));
    }

    @GetMapping("/differences/export")
    @Operation(summary = "Export the order differences as CSV, streamed", description = "Same parameters as the "
            + "list, every order: orderId, channelId, channelOrderRef, types, captured, refunded, expectedSales, "
            + "settledSales, salesDifference, refundsSettled, feesRecorded, feesSettled, feeDifference, firstPaidAt, "
            + "settlements, open, acceptedBy, acceptedReason. " + DIFFERENCES)
    @ApiResponse(responseCode = "200", description = "text/csv")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    void exportDifferences(@RequestParam(required = false) String channelId,
                           @RequestParam(required = false) String type,
                           @RequestParam(required = false) String includeAccepted,
                           @RequestParam(defaultValue = "14") int unsettledAfterDays,
                           HttpServletResponse response) throws IOException {
        DifferenceFilter filter = differenceFilter(channelId, type, includeAccepted, unsettledAfterDays);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"omniops-settlement-differences.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write("orderId,channelId,channelOrderRef,types,captured,refunded,expectedSales,settledSales,"
                + "salesDifference,refundsSettled,feesRecorded,feesSettled,feeDifference,firstPaidAt,settlements,open,"
                + "acceptedBy,acceptedReason\n");
        readModel.streamDifferences(filter, (Difference d) -> {
            try {
                out.write(Csv.row(d.orderId(), d.channelId(), d.channelOrderRef(), String.join(" ",
                                d.types().stream().map(Enum::name).toList()), d.captured(), d.refunded(),
                        d.expectedSales(), d.settledSales(), d.salesDifference(), d.refundsSettled(),
                        d.feesRecorded(), d.feesSettled(), d.feeDifference(), d.firstPaidAt(),
                        String.join(" ", d.settlements()), d.open(),
                        d.accepted() == null ? null : d.accepted().by(),
                        d.accepted() == null ? null : d.accepted().reason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private DifferenceFilter differenceFilter(String channelId, String type, String includeAccepted,
                                              int unsettledAfterDays) {
        if (unsettledAfterDays < 0 || unsettledAfterDays > 365) {
            throw RequestParams.invalid("unsettledAfterDays", "unsettledAfterDays must be between 0 and 365");
        }
        return new DifferenceFilter(RequestParams.optional(channelId),
                RequestParams.enumValue("type", type, OrderDifferences.Type.class),
                "TRUE".equals(RequestParams.oneOf("includeAccepted", includeAccepted, "TRUE", "FALSE")),
                clock.instant().minus(Duration.ofDays(unsettledAfterDays)));
    }

    private static RowFilter unmatchedFilter(String channelId, String matchState) {
        List<MatchState> states = states(matchState);
        if (states.stream().anyMatch(s -> !s.unmatched())) {
            throw RequestParams.invalid("matchState", "matchState must be UNKNOWN_ORDER, NO_ORDER or SUSPENSE");
        }
        return new RowFilter(null, RequestParams.optional(channelId),
                states.isEmpty() ? SettlementsReadModel.unmatchedStates() : states, null);
    }

    private static List<MatchState> states(String matchState) {
        MatchState state = RequestParams.enumValue("matchState", matchState, MatchState.class);
        return state == null ? List.of() : List.of(state);
    }

    private static String kind(String kind) {
        return RequestParams.oneOf("kind", kind, SettlementRowKind.class);
    }

    private static ApiException notFound(String settlementId) {
        return new ApiException(QueryErrorCode.SETTLEMENT_NOT_FOUND, "Settlement '" + settlementId
                + "' is not in the settlements read model.");
    }
}
