package com.omniops.query.counts;

import com.omniops.projections.counts.CountsPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.Queries;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/counts")
@Tag(name = "Counts", description = "Cycle counts, their variances and approvals")
class CountsController {

    private final Queries queries;

    CountsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Cycle counts, newest first",
            description = "Status: APPLIED (adjusted at once or approved), PENDING (awaiting approval; approvalReasons "
                    + "BEYOND_TOLERANCE, ABOVE_VALUE_THRESHOLD, BELOW_RESERVED) or REJECTED. variance = counted − "
                    + "book; varianceValue = variance × unitCost (moving average when counted).")
    @ApiResponse(responseCode = "200", description = "A page of counts")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    CountsPage counts(
            @Parameter(description = "Warehouse filter") @RequestParam(required = false) String warehouse,
            @Parameter(description = "SKU filter") @RequestParam(required = false) String sku,
            @Parameter(description = "Status filter") @RequestParam(required = false) String status,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListCounts(RequestParams.optional(warehouse), RequestParams.optional(sku),
                        RequestParams.oneOf("status", status, "PENDING", "APPLIED", "REJECTED"), paging.page(),
                                paging.size()),
                ResponseTypes.instanceOf(CountsPage.class));
    }
}
