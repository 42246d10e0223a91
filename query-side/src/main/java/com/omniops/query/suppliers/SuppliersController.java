package com.omniops.query.suppliers;

import com.omniops.projections.purchasing.SupplierView;
import com.omniops.projections.purchasing.SuppliersPage;
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
@RequestMapping("/api/suppliers")
@Tag(name = "Master data", description = "Products, channels, warehouses, suppliers and reorder rules")
class SuppliersController {

    private final Queries queries;

    SuppliersController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Suppliers by id, with their terms",
            description = "leadTimeMeanDays and leadTimeStdDevDays feed the reorder point; minimumOrderQuantity is the "
                    + "least a purchase order line may ask for; currency is what the supplier invoices in.")
    @ApiResponse(responseCode = "200", description = "A page of suppliers")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    SuppliersPage suppliers(
            @Parameter(description = "Text contained in the supplier id or name (case-insensitive)")
            @RequestParam(required = false) String q,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListSuppliers(RequestParams.optional(q), paging.page(), paging.size()),
                ResponseTypes.instanceOf(SuppliersPage.class));
    }

    @GetMapping("/{supplierId}")
    @Operation(summary = "One supplier and its terms")
    @ApiResponse(responseCode = "200", description = "The supplier")
    @ApiResponse(responseCode = "404", description = "SUPPLIER_NOT_FOUND")
    SupplierView supplier(@PathVariable String supplierId) {
        return queries.ask(new GetSupplier(supplierId), ResponseTypes.optionalInstanceOf(SupplierView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.SUPPLIER_NOT_FOUND, "Supplier '" + supplierId
                        + "' is not registered."));
    }
}
