package com.omniops.planning;

/**
 * How a SKU is reordered in a warehouse. {@code min} absent: the service-level reorder point, rounded up; {@code max}
 * absent: the same as the (effective) min, as when an Odoo reordering rule leaves max at or below min.
 *
 * @param min             reorder when the position is at or below this (null = the computed reorder point)
 * @param max             order up to this (null = min)
 * @param multiple        order in multiples of this, 1 or more
 * @param supplierMinimum the supplier's minimum order quantity, 0 = none
 */
public record ReorderRule(Integer min, Integer max, int multiple, int supplierMinimum) {

    public ReorderRule {
        if (min != null && min < 0) {
            throw new IllegalArgumentException("min must be 0 or more, got " + min);
        }
        if (min != null && max != null && max < min) {
            throw new IllegalArgumentException("max must not be below min, got min " + min + ", max " + max);
        }
        if (multiple < 1) {
            throw new IllegalArgumentException("multiple must be 1 or more, got " + multiple);
        }
        if (supplierMinimum < 0) {
            throw new IllegalArgumentException("supplier minimum must be 0 or more, got " + supplierMinimum);
        }
    }

    /** Min and max from the reorder point, any quantity, no supplier minimum. */
    public static ReorderRule fromReorderPoint() {
        return new ReorderRule(null, null, 1, 0);
    }
}
