package com.omniops.query.order;

import com.omniops.projections.orderboard.OrderBoardStatus;
import com.omniops.projections.orderboard.OrderDetails;
import com.omniops.projections.orderboard.OrderSummaryPage;
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
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Order status board for customer service")
class OrderController {

    private final Queries queries;

    OrderController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order with totals, status, lines, allocations per warehouse, backorders and shipments",
            description = "Line price = quantity × unitPrice − discount; when totals.pricesIncludeTax the price is "
                    + "the lineTotal and contains taxAmount (lineNet = price − taxAmount), otherwise it is the "
                    + "lineNet and taxAmount is added. orderTotal = Σ lineTotal + shippingCharge (no tax on "
                    + "shipping), taxTotal = Σ taxAmount, netTotal = orderTotal − taxTotal. Status: "
                    + "PLACED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED or CANCELLED.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", description = "ORDER_NOT_FOUND")
    OrderDetails order(@PathVariable String orderId) {
        return queries.ask(new GetOrder(orderId), ResponseTypes.optionalInstanceOf(OrderDetails.class))
                .filter(order -> ChannelScope.mayRead(order.channelId())) // others' orders do not exist for them
                .orElseThrow(() -> new ApiException(QueryErrorCode.ORDER_NOT_FOUND, "Order '" + orderId
                        + "' is not on the order board."));
    }

    @GetMapping
    @Operation(summary = "Order summaries, newest placed first")
    @ApiResponse(responseCode = "200", description = "A page of order summaries")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    OrderSummaryPage orders(
            @Parameter(description = "Channel id filter") @RequestParam(required = false) String channel,
            @Parameter(description = "Status filter: PLACED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, "
                    + "CANCELLED") @RequestParam(required = false) String status,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new ListOrders(ChannelScope.restrict(RequestParams.optional(channel)),
                RequestParams.enumValue("status", status, OrderBoardStatus.class),
                        paging.page(), paging.size()),
                ResponseTypes.instanceOf(OrderSummaryPage.class));
    }
}
