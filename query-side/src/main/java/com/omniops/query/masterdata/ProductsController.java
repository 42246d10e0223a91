package com.omniops.query.masterdata;

import com.omniops.projections.masterdata.MasterDataProjector;
import com.omniops.projections.masterdata.ProductView;
import com.omniops.projections.masterdata.ProductsPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.security.ChannelScope;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.Queries;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.Actor;
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
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/products")
@Tag(name = "Master data", description = "Products, channels, warehouses, suppliers and reorder rules")
class ProductsController {

    private final Queries queries;

    ProductsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Products by SKU, with status and channel listings",
            description = "Status ACTIVE or DISCONTINUED (no new orders). Each listing names the channel and the "
                    + "channel's own SKU. A channel integration sees only products listed on its channel, and only "
                    + "that listing.")
    @ApiResponse(responseCode = "200", description = "A page of products")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "403", description = "CHANNEL_NOT_ALLOWED (another channel, for an integration)")
    ProductsPage products(
            @Parameter(description = "ACTIVE or DISCONTINUED") @RequestParam(required = false) String status,
            @Parameter(description = "Only products listed on this channel") @RequestParam(required = false)
            String channel,
            @Parameter(description = "Text contained in the SKU or the name (case-insensitive)")
            @RequestParam(required = false) String q,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListProducts(RequestParams.oneOf("status", status, MasterDataProjector.ACTIVE,
                        MasterDataProjector.DISCONTINUED), ChannelScope.restrict(RequestParams.optional(channel)),
                        RequestParams.optional(q), boundChannel() != null, paging.page(), paging.size()),
                ResponseTypes.instanceOf(ProductsPage.class));
    }

    @GetMapping("/{sku}")
    @Operation(summary = "One product with its status and listings")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND (also a product not listed on an "
            + "integration's channel)")
    ProductView product(@PathVariable String sku) {
        return queries.ask(new GetProduct(sku, boundChannel()), ResponseTypes.optionalInstanceOf(ProductView.class))
                .orElseThrow(() -> new ApiException(QueryErrorCode.PRODUCT_NOT_FOUND, "Product '" + sku
                        + "' is not in the master data."));
    }

    /** The channel a channel integration is bound to, or null for people. */
    private static String boundChannel() {
        return Actor.current().filter(Actor::isChannelIntegration).map(Actor::channel).orElse(null);
    }
}
