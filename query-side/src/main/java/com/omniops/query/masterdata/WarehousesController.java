package com.omniops.query.masterdata;

import com.omniops.projections.masterdata.WarehouseView;
import com.omniops.projections.masterdata.WarehousesPage;
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
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/warehouses")
@Tag(name = "Master data", description = "Products, channels, warehouses, suppliers and reorder rules")
class WarehousesController {

    private final Queries queries;

    WarehousesController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Warehouses by id: the channels each feeds and how many stock items it holds",
            description = "Derived: every warehouse id named by a channel's warehouses or by a stock item (a SKU "
                    + "received there). priority is the warehouse's rank on that channel (1 = first choice).")
    @ApiResponse(responseCode = "200", description = "A page of warehouses")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    WarehousesPage warehouses(
            @Parameter(description = "Only warehouses feeding this channel") @RequestParam(required = false)
            String channel,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListWarehouses(RequestParams.optional(channel), paging.page(), paging.size()),
                ResponseTypes.instanceOf(WarehousesPage.class));
    }

    @GetMapping("/{warehouseId}")
    @Operation(summary = "One warehouse: the channels it feeds and its number of stock items")
    @ApiResponse(responseCode = "200", description = "The warehouse")
    @ApiResponse(responseCode = "404", description = "WAREHOUSE_NOT_FOUND (no channel or stock item names it)")
    WarehouseView warehouse(@PathVariable String warehouseId) {
        return queries.ask(new GetWarehouse(warehouseId), ResponseTypes.optionalInstanceOf(WarehouseView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.WAREHOUSE_NOT_FOUND,
                        "No channel or stock item names warehouse '" + warehouseId + "'."));
    }
}
