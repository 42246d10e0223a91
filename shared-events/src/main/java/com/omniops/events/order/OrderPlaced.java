package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order accepted from a channel, with the stock reserved for it at that moment ({@code allocations}) and what is
 * waiting for stock ({@code backorders}). The matching StockReserved events are stored in the same transaction.
 * <p>
 * Revision 2 added {@code pricesIncludeTax}, copied from the channel when the order was placed: whether the lines'
 * prices are gross (tax contained) or net (tax added). {@link OrderAmounts} is the one rule for what the lines and the
 * order are worth. Revision 1 orders read back as net ({@code OrderPlacedUpcaster}), which is how their totals were
 * computed.
 */
@Revision("2")
public record OrderPlaced(String orderId, String channelId, String channelOrderRef, String customerId,
                          String currency, boolean pricesIncludeTax, List<OrderLine> lines, BigDecimal shippingCharge,
                          LocalDate promisedShipDate, List<LineAllocation> allocations,
                          List<LineBackorder> backorders, Instant placedAt) implements OrderEvent {
    public OrderPlaced {
        lines = List.copyOf(lines);
        allocations = List.copyOf(allocations);
        backorders = List.copyOf(backorders);
    }
}
