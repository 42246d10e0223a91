package com.omniops.events.replenishment;

/**
 * MIN_MAX: when the projected quantity falls to {@code min}, order up to {@code max}, rounded up to {@code multiple}.
 * SERVICE_LEVEL: the reorder point is mean daily demand × mean lead time + safety stock for the service level; the
 * order brings the projected quantity back to reorder point + {@code max} (a cycle stock), rounded up to
 * {@code multiple}.
 */
public enum ReorderMethod { MIN_MAX, SERVICE_LEVEL }
