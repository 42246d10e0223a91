package com.omniops.command.purchasing.confirm;

import com.omniops.events.purchasing.ConfirmedLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The supplier's confirmation; lines not mentioned are confirmed as ordered. */
public record ConfirmPurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, LocalDate confirmedDate,
                                   List<ConfirmedLine> lines) {
}
