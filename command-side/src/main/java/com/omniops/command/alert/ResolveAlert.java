package com.omniops.command.alert;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close an alert: {@code automatic} from a policy whose rule no longer holds (nothing happens when the alert is not
 * open: a user may have resolved it already), otherwise a user's, which needs an open alert.
 */
public record ResolveAlert(String alertId, boolean automatic, String resolvedBy, String reason) {

    @TargetAggregateIdentifier
    public String streamId() {
        return StreamIds.alert(alertId);
    }
}
