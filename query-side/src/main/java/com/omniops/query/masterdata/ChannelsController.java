package com.omniops.query.masterdata;

import com.omniops.events.channel.ChannelType;
import com.omniops.projections.masterdata.ChannelView;
import com.omniops.projections.masterdata.ChannelsPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.security.ChannelScope;
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
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/channels")
@Tag(name = "Master data", description = "Products, channels, warehouses, suppliers and reorder rules")
class ChannelsController {

    private final Queries queries;

    ChannelsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Sales channels by id, with their fulfilment rules",
            description = "Type WEBSITE, MARKETPLACE or B2B; warehouseIds in priority order; allocationStrategy "
                    + "PRIORITY, MOST_STOCK or FEWEST_SPLITS; backordersAllowed; safetyBuffer (units per SKU held "
                    + "back from availability). A channel integration sees its own channel only.")
    @ApiResponse(responseCode = "200", description = "A page of channels")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    ChannelsPage channels(
            @Parameter(description = "WEBSITE, MARKETPLACE or B2B") @RequestParam(required = false) String type,
            @Parameter(description = "Only channels fed by this warehouse") @RequestParam(required = false)
            String warehouse,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListChannels(ChannelScope.restrict(null), RequestParams.oneOf("type", type,
                        ChannelType.class), RequestParams.optional(warehouse), paging.page(), paging.size()),
                ResponseTypes.instanceOf(ChannelsPage.class));
    }

    @GetMapping("/{channelId}")
    @Operation(summary = "One channel with its rules and warehouses in priority order")
    @ApiResponse(responseCode = "200", description = "The channel")
    @ApiResponse(responseCode = "404", description = "CHANNEL_NOT_FOUND (also another channel, for an integration)")
    ChannelView channel(@PathVariable String channelId) {
        return queries.ask(new GetChannel(channelId), ResponseTypes.optionalInstanceOf(ChannelView.class))
                .filter(channel -> ChannelScope.mayRead(channel.channelId())) // others' channels do not exist for it
                .orElseThrow(() -> new ApiException(QueryErrorCode.CHANNEL_NOT_FOUND, "Channel '" + channelId
                        + "' is not in the master data."));
    }
}
