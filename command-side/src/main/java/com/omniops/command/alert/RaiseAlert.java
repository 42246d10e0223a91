package com.omniops.command.alert;

import com.omniops.events.StreamIds;
import com.omniops.events.alert.AlertType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Raise the alert of this type and subject unless it is open already (then nothing happens). Policies send it. */
public record RaiseAlert(String alertId, AlertType type, String channelId, String sku, String orderId,
                         String summary, BigDecimal measured, BigDecimal threshold) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StreamIds.alert(alertId);
    }
}
