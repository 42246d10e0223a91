package com.omniops.command.transfer;

/** REQUESTED → IN_TRANSIT → PARTIALLY_RECEIVED → RECEIVED, or CANCELLED before it ships. */
public enum TransferStatus { REQUESTED, CANCELLED, IN_TRANSIT, PARTIALLY_RECEIVED, RECEIVED }
