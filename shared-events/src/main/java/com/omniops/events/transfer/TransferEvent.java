package com.omniops.events.transfer;

/** Events of an inter-warehouse transfer: requested → shipped (in transit) → received in one or more receipts. */
public sealed interface TransferEvent permits TransferRequested, TransferCancelled, TransferShipped,
        TransferReceived {
    String transferId();
}
