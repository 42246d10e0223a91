package com.omniops.command.order.place;

import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Creates the Order once its stock has been reserved (sent by {@link OrderPlacement} in the same transaction).
 * {@code pricesIncludeTax} is the channel's, as it was at placement.
 */
public record RecordOrderPlacement(@TargetAggregateIdentifier String orderId, String channelId, String channelOrderRef,
                                   String customerId, String currency, boolean pricesIncludeTax, List<OrderLine> lines,
                                   BigDecimal shippingCharge, LocalDate promisedShipDate,
                                   List<LineAllocation> allocations, List<LineBackorder> backorders) {
}
