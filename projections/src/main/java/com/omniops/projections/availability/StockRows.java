package com.omniops.projections.availability;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_IN_TRANSIT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static com.omniops.projections.support.Columns.utc;

import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferShipped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The stock position per SKU and warehouse, and the units of a transfer shipped and not yet received (in transit to
 * the destination). A row only changes for an event newer than its {@code last_sequence}.
 */
final class StockRows {

    private final DSLContext dsl;

    StockRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every stock item event carries the absolute quantities after it, so the row takes them as they are. */
    void position(StockItemEvent event, long seq, Instant at) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(AVAILABILITY_STOCK.ON_HAND, event.onHandAfter());
        values.put(AVAILABILITY_STOCK.RESERVED, event.reservedAfter());
        // Older event types carry no held quantities: the held columns then keep what the last hold event set.
        if (event instanceof HeldQuantities held) {
            values.put(AVAILABILITY_STOCK.QUARANTINE, held.quarantineAfter());
            values.put(AVAILABILITY_STOCK.REFURBISHMENT, held.refurbishmentAfter());
        }
        values.put(AVAILABILITY_STOCK.LAST_SEQUENCE, seq);
        values.put(AVAILABILITY_STOCK.UPDATED_AT, utc(at));
        dsl.insertInto(AVAILABILITY_STOCK)
                .set(AVAILABILITY_STOCK.SKU, event.sku())
                .set(AVAILABILITY_STOCK.WAREHOUSE_ID, event.warehouseId())
                .set(values)
                .onConflict(AVAILABILITY_STOCK.SKU, AVAILABILITY_STOCK.WAREHOUSE_ID)
                .doUpdate()
                .set(values)
                .where(AVAILABILITY_STOCK.LAST_SEQUENCE.lt(seq))
                .execute();
    }

    void shipped(TransferShipped event, long seq) {
        for (ShippedTransferLine line : event.lines()) {
            dsl.insertInto(AVAILABILITY_IN_TRANSIT)
                    .set(AVAILABILITY_IN_TRANSIT.TRANSFER_ID, event.transferId())
                    .set(AVAILABILITY_IN_TRANSIT.LINE_NO, line.lineNo())
                    .set(AVAILABILITY_IN_TRANSIT.SKU, line.sku())
                    .set(AVAILABILITY_IN_TRANSIT.TO_WAREHOUSE_ID, event.toWarehouseId())
                    .set(AVAILABILITY_IN_TRANSIT.SHIPPED, line.quantity())
                    .set(AVAILABILITY_IN_TRANSIT.RECEIVED, 0)
                    .set(AVAILABILITY_IN_TRANSIT.LAST_SEQUENCE, seq)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    void received(TransferReceived event, long seq) {
        for (ReceivedTransferLine line : event.lines()) {
            dsl.update(AVAILABILITY_IN_TRANSIT)
                    .set(AVAILABILITY_IN_TRANSIT.RECEIVED, line.receivedAfter())
                    .set(AVAILABILITY_IN_TRANSIT.LAST_SEQUENCE, seq)
                    .where(AVAILABILITY_IN_TRANSIT.TRANSFER_ID.eq(event.transferId()))
                    .and(AVAILABILITY_IN_TRANSIT.LINE_NO.eq(line.lineNo()))
                    .and(AVAILABILITY_IN_TRANSIT.LAST_SEQUENCE.lt(seq))
                    .execute();
        }
    }
}
