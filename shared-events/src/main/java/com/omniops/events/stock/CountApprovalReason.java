package com.omniops.events.stock;

/** Why a cycle count's adjustment waits for an approver instead of applying at once. */
public enum CountApprovalReason {
    /** The variance exceeds both the unit and the percentage tolerance. */
    BEYOND_TOLERANCE,
    /** The variance is worth more than the approval threshold at the moving-average cost. */
    ABOVE_VALUE_THRESHOLD,
    /** Applying it would leave fewer units on hand than are reserved and held. */
    BELOW_RESERVED
}
