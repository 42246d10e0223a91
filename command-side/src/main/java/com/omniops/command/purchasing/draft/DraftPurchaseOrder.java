package com.omniops.command.purchasing.draft;

import com.omniops.events.purchasing.PurchaseOrderOrigin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

public record DraftPurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String supplierId,
                                 String warehouseId, List<Line> lines, PurchaseOrderOrigin origin) {

    public DraftPurchaseOrder {
        lines = List.copyOf(lines);
    }

    public record Line(String sku, int quantity, BigDecimal unitCost) {
    }
}
