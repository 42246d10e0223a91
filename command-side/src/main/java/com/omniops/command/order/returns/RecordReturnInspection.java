package com.omniops.command.order.returns;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The order's part of {@link InspectReturn} (sent by {@link ReturnInspection} in the same transaction). */
public record RecordReturnInspection(@TargetAggregateIdentifier String orderId, String returnId,
                                     List<InspectReturn.Entry> lines) {
}
