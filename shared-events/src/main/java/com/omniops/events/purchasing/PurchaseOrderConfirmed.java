package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The supplier confirmed a delivery date and, per line, the quantity it will deliver. */
@Revision("1")
public record PurchaseOrderConfirmed(String purchaseOrderId, LocalDate confirmedDate, List<ConfirmedLine> lines,
                                     Instant confirmedAt) implements PurchaseOrderEvent {
    public PurchaseOrderConfirmed {
        lines = List.copyOf(lines);
    }
}
