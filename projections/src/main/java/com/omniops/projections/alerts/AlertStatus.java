package com.omniops.projections.alerts;

/** Where an alert's latest occurrence stands: OPEN (nobody has taken it on), ACKNOWLEDGED (someone has), RESOLVED. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
