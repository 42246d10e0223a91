package com.omniops.command.order.pay;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A marketplace, payment or fulfilment fee charged against an order (sent by the fees endpoint and the demo). Its
 * name says the business action; {@code Record…} names are kept for the internal commands orchestrators send.
 */
public record ChargeFee(@TargetAggregateIdentifier String orderId, String feeId, FeeType type, Money amount,
                        String description) {
}
