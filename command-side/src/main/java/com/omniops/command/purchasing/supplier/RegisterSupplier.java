package com.omniops.command.purchasing.supplier;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record RegisterSupplier(String supplierId, String name, BigDecimal leadTimeMeanDays,
                               BigDecimal leadTimeStdDevDays, int minimumOrderQuantity, String currency) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.supplier(supplierId);
    }
}
