package com.omniops.query.purchasing;

import com.omniops.projections.purchasing.PurchaseOrderDetails;
import com.omniops.projections.purchasing.PurchasingReadModel;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.Queries;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@RestController
@Tag(name = "Purchasing", description = "Purchase orders and incoming stock")
class PurchasingController {

    private static final String[] STATUSES = {"DRAFT", "SUBMITTED", "CONFIRMED", "PARTIALLY_RECEIVED", "RECEIVED",
            "CLOSED", "CANCELLED"};

    private final Queries queries;

    PurchasingController(Queries queries) {
        this.queries = queries;
    }

    @AllowedRoles({VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping("/api/purchase-orders")
    @Operation(summary = "Purchase orders, newest first, with ordered, received and still open units",
            description = "Open units = Σ max(0, expected − received) over the lines, where expected is the "
                    + "confirmed quantity once confirmed, else the ordered one; 0 unless the order is SUBMITTED, "
                    + "CONFIRMED or PARTIALLY_RECEIVED.")
    PurchasingReadModel.SummaryPage list(@RequestParam(required = false) String status,
                                         @RequestParam(required = false) String supplier,
                                         @RequestParam(required = false) String warehouse,
                                         @RequestParam(required = false) String sku,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new PurchasingQueries.ListPurchaseOrders(RequestParams.oneOf("status", status, STATUSES),
                RequestParams.optional(supplier), RequestParams.optional(warehouse), RequestParams.optional(sku),
                        paging.page(),
                paging.size()), ResponseTypes.instanceOf(PurchasingReadModel.SummaryPage.class));
    }

    @AllowedRoles({VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping("/api/purchase-orders/{id}")
    @Operation(summary = "One purchase order with its lines: ordered, confirmed, expected, received, open")
    PurchaseOrderDetails one(@PathVariable String id) {
        return queries.ask(new PurchasingQueries.GetPurchaseOrder(id),
                        ResponseTypes.optionalInstanceOf(PurchaseOrderDetails.class))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "PURCHASE_ORDER_NOT_FOUND",
                        "There is no purchase order '" + id + "'."));
    }

    @AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping("/api/incoming")
    @Operation(summary = "Incoming stock per SKU and warehouse from open purchase orders, with the next due date")
    PurchasingReadModel.IncomingPage incoming(@RequestParam(required = false) String sku,
                                              @RequestParam(required = false) String warehouse,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new PurchasingQueries.GetIncomingStock(RequestParams.optional(sku),
                RequestParams.optional(warehouse),
                paging.page(),
                paging.size()), ResponseTypes.instanceOf(PurchasingReadModel.IncomingPage.class));
    }
}
