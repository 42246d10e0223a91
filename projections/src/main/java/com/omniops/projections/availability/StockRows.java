package com.omniops.projections.availability;

import static com.omniops.projections.support.Columns.utc;

import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock position per SKU and warehouse, and the units of a transfer shipped and not yet received (in transit to
 * the destination). A row only changes for an event newer than its {@code last_sequence}, a guard each statement
 * carries itself, so a processor batch can queue them ({@link com.omniops.projections.support.ProjectionWrites}).
 */
final class StockRows {

    /**
     * The position after a stock item event, when it is newer than the row's. Events from before holds existed carry
     * no held quantities (NULL binds): the held columns then keep what the last hold event set (0 on a new row).
     * Binds: SKU, warehouse, on hand, reserved, quarantine, refurbishment, sequence number, instant, and twice
     * whether the event carries held quantities.
     */
    private static final String POSITION = """
            INSERT INTO availability_stock (sku, warehouse_id, on_hand, reserved, quarantine, refurbishment,
                                            last_sequence, updated_at)
            VALUES (?, ?, ?, ?, coalesce(?, 0), coalesce(?, 0), ?, ?)
            ON CONFLICT (sku, warehouse_id) DO UPDATE
            SET on_hand = excluded.on_hand,
                reserved = excluded.reserved,
                quarantine = CASE WHEN ? THEN excluded.quarantine ELSE availability_stock.quarantine END,
                refurbishment = CASE WHEN ? THEN excluded.refurbishment ELSE availability_stock.refurbishment END,
                last_sequence = excluded.last_sequence,
                updated_at = excluded.updated_at
            WHERE availability_stock.last_sequence < excluded.last_sequence""";

    /** Binds: transfer, line, SKU, destination warehouse, units shipped, sequence number. */
    private static final String SHIPPED = """
            INSERT INTO availability_in_transit (transfer_id, line_no, sku, to_warehouse_id, shipped, received,
                                                 last_sequence)
            VALUES (?, ?, ?, ?, ?, 0, ?)
            ON CONFLICT DO NOTHING""";

    /** Binds: units received so far, sequence number, transfer, line, sequence number. */
    private static final String RECEIVED = """
            UPDATE availability_in_transit SET received = ?, last_sequence = ?
            WHERE transfer_id = ? AND line_no = ? AND last_sequence < ?""";

    private static final Null NO_HELD_UNITS = new Null(Types.INTEGER);

    /** Every stock item event carries the absolute quantities after it, so the row takes them as they are. */
    Statement position(StockItemEvent event, long seq, Instant at) {
        boolean held = event instanceof HeldQuantities;
        Object quarantine = held ? ((HeldQuantities) event).quarantineAfter() : NO_HELD_UNITS;
        Object refurbishment = held ? ((HeldQuantities) event).refurbishmentAfter() : NO_HELD_UNITS;
        return new Statement(POSITION, event.sku(), event.warehouseId(), event.onHandAfter(), event.reservedAfter(),
                quarantine, refurbishment, seq, utc(at), held, held);
    }

    List<Statement> shipped(TransferShipped event, long seq) {
        List<Statement> statements = new ArrayList<>();
        for (ShippedTransferLine line : event.lines()) {
            statements.add(new Statement(SHIPPED, event.transferId(), line.lineNo(), line.sku(),
                    event.toWarehouseId(), line.quantity(), seq));
        }
        return statements;
    }

    List<Statement> received(TransferReceived event, long seq) {
        List<Statement> statements = new ArrayList<>();
        for (ReceivedTransferLine line : event.lines()) {
            statements.add(new Statement(RECEIVED, line.receivedAfter(), seq, event.transferId(), line.lineNo(),
                    seq));
        }
        return statements;
    }
}
