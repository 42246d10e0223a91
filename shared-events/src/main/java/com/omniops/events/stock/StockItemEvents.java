package com.omniops.events.stock;

import java.time.Instant;

/** Facts every stock item event has under its own name. */
public final class StockItemEvents {

    private StockItemEvents() {
    }

    /** When the event happened (the instant each event type names for itself). */
    public static Instant occurredAt(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> e.receivedAt();
            case StockReserved e -> e.reservedAt();
            case StockReservationReleased e -> e.releasedAt();
            case StockIssued e -> e.issuedAt();
            case StockAdjusted e -> e.adjustedAt();
            case StockReturned e -> e.returnedAt();
            case StockReleasedFromHold e -> e.releasedAt();
            case HeldStockWrittenOff e -> e.writtenOffAt();
            case StockTransferredOut e -> e.transferredAt();
            case StockCounted e -> e.countedAt();
            case StockCountApproved e -> e.approvedAt();
            case StockCountRejected e -> e.rejectedAt();
        };
    }
}
