package com.omniops.events.stock;

/** Why stock was adjusted; mapped to ledger accounts later, so every adjustment must carry one. */
public enum AdjustmentReason { DAMAGED, LOST, FOUND, THEFT, EXPIRED, COUNT_CORRECTION, DATA_CORRECTION }
