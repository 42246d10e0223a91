package com.omniops.planning;

/**
 * Min/max ordering with an order multiple and a supplier minimum, as in Odoo's reordering rules.
 * <pre>
 *   position ≤ min  →  qty = max − position, rounded UP to a multiple of {@code multiple};
 *                      then at least the supplier minimum (itself rounded up to the multiple)
 *   position &gt; min  →  0                        (also 0 when max − position ≤ 0)
 * </pre>
 * {@code position} is the projected quantity: available (on hand − reserved − held in quarantine or refurbishment) +
 * incoming on open purchase orders. Example: min 10, max 40, multiple 6, position 8 → 40 − 8 = 32 → 36.
 */
public final class OrderQuantity {

    private OrderQuantity() {
    }

    /**
     * @param multiple        order in multiples of this (1 = any quantity)
     * @param supplierMinimum the smallest quantity the supplier accepts per order (0 = none)
     */
    public static int minMax(int position, int min, int max, int multiple, int supplierMinimum) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 ≤ min ≤ max, got min " + min + ", max " + max);
        }
        if (multiple < 1) {
            throw new IllegalArgumentException("multiple must be 1 or more, got " + multiple);
        }
        if (supplierMinimum < 0) {
            throw new IllegalArgumentException("supplier minimum must be 0 or more, got " + supplierMinimum);
        }
        if (position > min) {
            return 0;
        }
        long quantity = roundUp((long) max - position, multiple);
        if (quantity <= 0) {
            return 0; // already at max (min = max = position): nothing to order, whatever the supplier minimum
        }
        quantity = Math.max(quantity, roundUp(supplierMinimum, multiple));
        return Math.toIntExact(quantity);
    }

    /** The smallest multiple of {@code multiple} that is ≥ {@code quantity}. */
    static long roundUp(long quantity, int multiple) {
        return Math.floorDiv(quantity + multiple - 1, multiple) * multiple;
    }
}
