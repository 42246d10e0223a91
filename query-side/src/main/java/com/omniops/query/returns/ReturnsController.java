package com.omniops.query.returns;

import com.omniops.events.order.ReturnReason;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.projections.returns.ReturnsPage;
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
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/returns")
@Tag(name = "Returns", description = "Returned order lines: reasons, receipt, inspection and dispositions")
class ReturnsController {

    private final Queries queries;

    ReturnsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Returned order lines, newest request first, with reason codes and (once inspected) the "
            + "condition and disposition of their units")
    @ApiResponse(responseCode = "200", description = "A page of returned lines")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    ReturnsPage returns(
            @Parameter(description = "Order id filter") @RequestParam(required = false) String orderId,
            @Parameter(description = "REQUESTED, RECEIVED or INSPECTED") @RequestParam(required = false) String status,
            @Parameter(description = "Return reason code, e.g. DAMAGED") @RequestParam(required = false) String reason,
            @Parameter(description = "RESALE, QUARANTINE, REFURBISH or WRITE_OFF")
            @RequestParam(required = false) String disposition,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListReturns(RequestParams.optional(orderId),
                        RequestParams.oneOf("status", status, "REQUESTED", "RECEIVED", "INSPECTED"),
                        RequestParams.oneOf("reason", reason, ReturnReason.class),
                        RequestParams.oneOf("disposition", disposition, ReturnDisposition.class), paging.page(),
                                paging.size()),
                ResponseTypes.instanceOf(ReturnsPage.class));
    }
}
