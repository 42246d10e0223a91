package com.omniops.events.stock;

/**
 * Stock item events that can change held units carry them too (events from before holds existed do not, and hold
 * nothing). Invariant: reserved ≤ on hand − quarantine − refurbishment.
 */
public interface HeldQuantities {
    int quarantineAfter();

    int refurbishmentAfter();
}
