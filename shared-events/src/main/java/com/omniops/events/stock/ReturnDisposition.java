package com.omniops.events.stock;

/** Where inspected returned units go. */
public enum ReturnDisposition {
    /** Back to available stock, valued at the stock item's moving-average cost. */
    RESALE,
    /** On hand but held apart (not sellable) until released or written off. */
    QUARANTINE,
    /** On hand but held apart for refurbishment, then released to stock or written off. */
    REFURBISH,
    /** Never enters stock; its value is written off. */
    WRITE_OFF
}
