package com.omniops.events.purchasing;

/** Who proposed the purchase order: a buyer, or the replenishment policy. */
public enum PurchaseOrderOrigin { MANUAL, REPLENISHMENT }
