package com.omniops.command.order.pay;

import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordFee(@TargetAggregateIdentifier String orderId, String feeId, FeeType type, Money amount,
                        String description) {
}
