package com.omniops.command.alert;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user takes an open alert on; {@code note} may be null. */
public record AcknowledgeAlert(String alertId, String acknowledgedBy, String note) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StreamIds.alert(alertId);
    }
}
