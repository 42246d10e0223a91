package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A purchase order being prepared; {@code expectedDate} follows from the supplier's mean lead time. */
@Revision("1")
public record PurchaseOrderDrafted(String purchaseOrderId, String supplierId, String warehouseId, String currency,
                                   List<PurchaseOrderLine> lines, LocalDate expectedDate, PurchaseOrderOrigin origin,
                                   Instant draftedAt) implements PurchaseOrderEvent {
    public PurchaseOrderDrafted {
        lines = List.copyOf(lines);
    }
}
