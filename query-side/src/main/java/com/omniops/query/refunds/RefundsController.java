package com.omniops.query.refunds;

import com.omniops.projections.refunds.RefundView;
import com.omniops.projections.refunds.RefundsPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.Queries;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;

@AllowedRoles({VIEWER, SALES, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/refunds")
@Tag(name = "Refunds", description = "Refunds by status, for finance")
class RefundsController {

    private final Queries queries;

    RefundsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Refunds, newest requested first",
            description = "Status: REQUESTED (awaiting approval), APPROVED (awaiting payout), ISSUED, FAILED (payout "
                    + "failed; can be retried) or REJECTED.")
    @ApiResponse(responseCode = "200", description = "A page of refunds")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    RefundsPage refunds(
            @Parameter(description = "Status filter") @RequestParam(required = false) String status,
            @Parameter(description = "Order id filter") @RequestParam(required = false) String orderId,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListRefunds(
                        RequestParams.oneOf("status", status, "REQUESTED", "APPROVED", "ISSUED", "FAILED", "REJECTED"),
                        RequestParams.optional(orderId), paging.page(), paging.size()),
                ResponseTypes.instanceOf(RefundsPage.class));
    }

    @GetMapping("/{refundId}")
    @Operation(summary = "One refund with its approval, rejection and payout details")
    @ApiResponse(responseCode = "200", description = "The refund")
    @ApiResponse(responseCode = "404", description = "REFUND_NOT_FOUND")
    RefundView refund(@PathVariable String refundId) {
        return queries.ask(new GetRefund(refundId), ResponseTypes.optionalInstanceOf(RefundView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.REFUND_NOT_FOUND, "Refund '" + refundId
                        + "' is not in the refunds read model."));
    }
}
