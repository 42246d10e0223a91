package com.omniops.events.stock;

/** The two ways units can be on hand but not sellable. */
public enum StockHold { QUARANTINE, REFURBISHMENT }
