package com.omniops.events.alert;

/**
 * Events of an Alert: an exception that needs a person's attention, raised by the alert policy when its rule holds,
 * acknowledged by a user, resolved when the rule no longer holds or by hand. One alert per type and subject
 * ({@link #alertId()}); raised again after it was resolved, it counts a new {@code occurrence}.
 */
public sealed interface AlertEvent permits AlertRaised, AlertAcknowledged, AlertResolved {

    /** {@code <type>~<subject>}, e.g. {@code DELAYED_FULFILMENT~<order id>}; see {@code StreamIds.alertId}. */
    String alertId();

    /** 1 for the first time the alert was raised, one more each time it is raised again after being resolved. */
    int occurrence();
}
