package com.omniops.events.stock;

/**
 * Events of one stock item (a SKU in a warehouse). Every event carries the quantities as they stand after it, so a
 * read model can upsert them (idempotent on replay) and an auditor can follow the arithmetic event by event.
 */
public sealed interface StockItemEvent
        permits StockReceived, StockReserved, StockReservationReleased, StockIssued, StockAdjusted, StockReturned,
        StockReleasedFromHold, HeldStockWrittenOff, StockTransferredOut, StockCounted, StockCountApproved,
        StockCountRejected {
    String stockItemId();

    String sku();

    String warehouseId();

    int onHandAfter();

    int reservedAfter();
}
