package com.omniops.query.availability;

import com.omniops.projections.availability.AvailabilityPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.security.ChannelScope;
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
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/availability")
@Tag(name = "Availability", description = "Available-to-sell per channel and SKU")
class AvailabilityController {

    private final Queries queries;

    AvailabilityController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Available-to-sell of active listed SKUs per channel",
            description = "availableToSell = max(0, Σ over the channel's warehouses of max(0, onHand − reserved − "
                    + "quarantine − refurbishment) − the channel's safetyBuffer) (StockPosition). Only active SKUs listed on the channel appear; warehouses are in "
                    + "the channel's priority order. Ordered by channel, then SKU; sort=AVAILABLE_TO_SELL: lowest "
                    + "available-to-sell first (then channel, SKU), where a channel is about to run out.")
    @ApiResponse(responseCode = "200", description = "A page of availability rows")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHANNEL")
    AvailabilityPage availability(
            @Parameter(description = "Channel id; all channels when absent") @RequestParam(required = false) String channel,
            @Parameter(description = "Internal SKU; all SKUs when absent") @RequestParam(required = false) String sku,
            @Parameter(description = "CHANNEL_SKU (default) or AVAILABLE_TO_SELL (lowest first)")
            @RequestParam(required = false) String sort,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new GetChannelAvailability(ChannelScope.restrict(RequestParams.optional(channel)),
                RequestParams.optional(sku),
                "AVAILABLE_TO_SELL".equals(RequestParams.oneOf("sort", sort, "CHANNEL_SKU", "AVAILABLE_TO_SELL")),
                paging.page(),
                paging.size()), ResponseTypes.instanceOf(AvailabilityPage.class));
    }
}
