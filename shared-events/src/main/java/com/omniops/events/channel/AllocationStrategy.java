package com.omniops.events.channel;

/** How an order's lines are spread over the warehouses that feed its channel. */
public enum AllocationStrategy {
    /** Fill each line from the channel's warehouses in their listed priority order. */
    PRIORITY,
    /** Fill each line from the warehouse holding the most available units first. */
    MOST_STOCK,
    /** Prefer one warehouse for the whole order, then one per line, then the fewest pieces. */
    FEWEST_SPLITS
}
