package com.omniops.query.audit.state;

/** Which instant of an event decides whether it lies before the cut. */
public enum TimeBasis {
    /** When the event was stored (Axon's timestamp, column {@code timeStamp}): what the system knew at that instant. */
    STORED,
    /** The business instant the event records (placedAt, shippedAt, ...): what had happened by then. */
    BUSINESS
}
