package com.omniops.command.replenishment.rule;

import com.omniops.events.replenishment.ReorderMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

public record SetReorderRule(@TargetAggregateIdentifier String ruleId, String sku, String warehouseId,
                             String supplierId, ReorderMethod method, int min, int max, int multiple,
                             BigDecimal serviceLevel, boolean autoSubmit) {
}
