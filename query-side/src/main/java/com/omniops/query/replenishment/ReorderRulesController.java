package com.omniops.query.replenishment;

import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.projections.replenishment.ReorderRuleView;
import com.omniops.projections.replenishment.ReorderRulesPage;
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
@RequestMapping("/api/reorder-rules")
@Tag(name = "Master data", description = "Products, channels, warehouses, suppliers and reorder rules")
class ReorderRulesController {

    private final Queries queries;

    ReorderRulesController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Reorder rules per stock item, by warehouse and SKU",
            description = "method MIN_MAX (order up to max in multiples when the position is at or below min) or "
                    + "SERVICE_LEVEL (reorder point from demand, lead time and serviceLevel; max = cycle stock). "
                    + "What the rules order now: GET /api/replenishment/recommendations.")
    @ApiResponse(responseCode = "200", description = "A page of reorder rules")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    ReorderRulesPage rules(
            @Parameter(description = "Warehouse filter") @RequestParam(required = false) String warehouse,
            @Parameter(description = "SKU filter") @RequestParam(required = false) String sku,
            @Parameter(description = "Supplier filter") @RequestParam(required = false) String supplier,
            @Parameter(description = "MIN_MAX or SERVICE_LEVEL") @RequestParam(required = false) String method,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListReorderRules(RequestParams.optional(warehouse), RequestParams.optional(sku),
                        RequestParams.optional(supplier), RequestParams.oneOf("method", method, ReorderMethod.class),
                        paging.page(), paging.size()),
                ResponseTypes.instanceOf(ReorderRulesPage.class));
    }

    @GetMapping("/{warehouseId}/{sku}")
    @Operation(summary = "The reorder rule of one stock item")
    @ApiResponse(responseCode = "200", description = "The rule")
    @ApiResponse(responseCode = "404", description = "REORDER_RULE_NOT_FOUND")
    ReorderRuleView rule(@PathVariable String warehouseId, @PathVariable String sku) {
        return queries.ask(new GetReorderRule(warehouseId, sku),
                        ResponseTypes.optionalInstanceOf(ReorderRuleView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.REORDER_RULE_NOT_FOUND, "Stock item " + warehouseId
                        + ":" + sku + " has no reorder rule."));
    }
}
