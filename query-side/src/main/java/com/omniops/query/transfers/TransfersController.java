package com.omniops.query.transfers;

import com.omniops.projections.support.PageRequest;
import com.omniops.projections.transfers.TransferView;
import com.omniops.projections.transfers.TransfersPage;
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
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/transfers")
@Tag(name = "Transfers", description = "Inter-warehouse transfers and the units in transit")
class TransfersController {

    private final Queries queries;

    TransfersController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Transfers, newest requested first",
            description = "Status: REQUESTED, CANCELLED, IN_TRANSIT, PARTIALLY_RECEIVED or RECEIVED. Per line: "
                    + "requested, shipped, received and inTransit (= shipped − received).")
    @ApiResponse(responseCode = "200", description = "A page of transfers")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    TransfersPage transfers(
            @Parameter(description = "Status filter") @RequestParam(required = false) String status,
            @Parameter(description = "Source warehouse") @RequestParam(required = false) String from,
            @Parameter(description = "Destination warehouse") @RequestParam(required = false) String to,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListTransfers(RequestParams.oneOf("status", status, "REQUESTED", "CANCELLED",
                "IN_TRANSIT",
                        "PARTIALLY_RECEIVED", "RECEIVED"), RequestParams.optional(from), RequestParams.optional(to),
                        paging.page(), paging.size()),
                ResponseTypes.instanceOf(TransfersPage.class));
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "One transfer with its lines and the units still in transit")
    @ApiResponse(responseCode = "200", description = "The transfer")
    @ApiResponse(responseCode = "404", description = "TRANSFER_NOT_FOUND")
    TransferView transfer(@PathVariable String transferId) {
        return queries.ask(new GetTransfer(transferId), ResponseTypes.optionalInstanceOf(TransferView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.TRANSFER_NOT_FOUND, "Transfer '" + transferId
                        + "' is not in the transfers read model."));
    }
}
