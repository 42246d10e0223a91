package com.omniops.command.stock.returns;

import com.omniops.events.stock.ReturnDisposition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Inspected units of a customer return, routed by their disposition (sent by ReturnInspection). */
public record ReturnToStock(@TargetAggregateIdentifier String stockItemId, String orderId, String returnId,
                            int lineNo, int quantity, ReturnDisposition disposition) {
}
