package com.omniops.projections.availability;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_IN_TRANSIT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_LISTING;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_PRODUCT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Read model "channel stock availability": which active SKUs each channel lists, the channel's warehouses and safety
 * buffer, and the stock position per SKU and warehouse. Available-to-sell is derived at query time
 * ({@link AvailabilityReadModel}).
 * <p>
 * Idempotency: each row keeps the sequence number of the last event of its aggregate applied to it; upserts only
 * change a row when the event's sequence number is higher, so redelivery and replay give the same rows.
 */
@Component
@ProcessingGroup(AvailabilityProjector.PROCESSING_GROUP)
public class AvailabilityProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "availability";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, AvailabilityProjector::new,
            AVAILABILITY_CHANNEL_WAREHOUSE, AVAILABILITY_CHANNEL, AVAILABILITY_LISTING, AVAILABILITY_PRODUCT,
            AVAILABILITY_STOCK, AVAILABILITY_IN_TRANSIT);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public AvailabilityProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    // ---- Channel ----------------------------------------------------------------------------------------------

    @EventHandler
    void on(ChannelRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int applied = dsl.insertInto(AVAILABILITY_CHANNEL)
                    .set(AVAILABILITY_CHANNEL.CHANNEL_ID, event.channelId())
                    .set(AVAILABILITY_CHANNEL.NAME, event.name())
                    .set(AVAILABILITY_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(AVAILABILITY_CHANNEL.LAST_SEQUENCE, seq)
                    .onConflict(AVAILABILITY_CHANNEL.CHANNEL_ID)
                    .doUpdate()
                    .set(AVAILABILITY_CHANNEL.NAME, event.name())
                    .set(AVAILABILITY_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(AVAILABILITY_CHANNEL.LAST_SEQUENCE, seq)
                    .where(AVAILABILITY_CHANNEL.LAST_SEQUENCE.lt(seq))
                    .execute();
            if (applied == 0) {
                return; // already applied
            }
            dsl.deleteFrom(AVAILABILITY_CHANNEL_WAREHOUSE)
                    .where(AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(event.channelId()))
                    .execute();
            List<String> warehouses = event.warehouseIds();
            var insert = dsl.insertInto(AVAILABILITY_CHANNEL_WAREHOUSE,
                    AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID, AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID,
                    AVAILABILITY_CHANNEL_WAREHOUSE.PRIORITY, AVAILABILITY_CHANNEL_WAREHOUSE.LAST_SEQUENCE);
            for (int i = 0; i < warehouses.size(); i++) {
                insert = insert.values(event.channelId(), warehouses.get(i), i + 1, seq);
            }
            if (!warehouses.isEmpty()) {
                insert.execute();
            }
        });
    }

    // ---- Product ----------------------------------------------------------------------------------------------

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> upsertProduct(event.sku(), true, seq));
    }

    @EventHandler
    void on(ProductListedOnChannel event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!advanceProduct(event.sku(), seq)) {
                return;
            }
            dsl.insertInto(AVAILABILITY_LISTING)
                    .set(AVAILABILITY_LISTING.SKU, event.sku())
                    .set(AVAILABILITY_LISTING.CHANNEL_ID, event.channelId())
                    .set(AVAILABILITY_LISTING.CHANNEL_SKU, event.channelSku())
                    .set(AVAILABILITY_LISTING.LAST_SEQUENCE, seq)
                    .onConflict(AVAILABILITY_LISTING.SKU, AVAILABILITY_LISTING.CHANNEL_ID)
                    .doUpdate()
                    .set(AVAILABILITY_LISTING.CHANNEL_SKU, event.channelSku())
                    .set(AVAILABILITY_LISTING.LAST_SEQUENCE, seq)
                    .execute();
        });
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long seq) {
        isolated.run(() -> upsertProduct(event.sku(), false, seq));
    }

    private void upsertProduct(String sku, boolean active, long seq) {
        dsl.insertInto(AVAILABILITY_PRODUCT)
                .set(AVAILABILITY_PRODUCT.SKU, sku)
                .set(AVAILABILITY_PRODUCT.ACTIVE, active)
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .onConflict(AVAILABILITY_PRODUCT.SKU)
                .doUpdate()
                .set(AVAILABILITY_PRODUCT.ACTIVE, active)
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .where(AVAILABILITY_PRODUCT.LAST_SEQUENCE.lt(seq))
                .execute();
    }

    /** Moves the product's position to {@code seq}; false when that event was applied already. */
    private boolean advanceProduct(String sku, long seq) {
        return dsl.insertInto(AVAILABILITY_PRODUCT)
                .set(AVAILABILITY_PRODUCT.SKU, sku)
                .set(AVAILABILITY_PRODUCT.ACTIVE, true)
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .onConflict(AVAILABILITY_PRODUCT.SKU)
                .doUpdate()
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .where(AVAILABILITY_PRODUCT.LAST_SEQUENCE.lt(seq))
                .execute() > 0;
    }

    // ---- Stock item: every event carries the absolute quantities after it ---------------------------------------

    @EventHandler
    void on(StockReceived event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.receivedAt());
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.reservedAt());
    }

    @EventHandler
    void on(StockReservationReleased event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.releasedAt());
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.issuedAt());
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.adjustedAt());
    }

    @EventHandler
    void on(StockReturned event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.returnedAt());
    }

    @EventHandler
    void on(StockReleasedFromHold event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.releasedAt());
    }

    @EventHandler
    void on(HeldStockWrittenOff event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.writtenOffAt());
    }

    @EventHandler
    void on(StockTransferredOut event, @SequenceNumber long seq) {
        upsertStock(event, seq, event.transferredAt());
    }

    // ---- Transfer: units shipped and not yet received are in transit to the destination ----------------------

    @EventHandler
    void on(TransferShipped event, @SequenceNumber long seq) {
        isolated.run(() -> {
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
        });
    }

    @EventHandler
    void on(TransferReceived event, @SequenceNumber long seq) {
        isolated.run(() -> {
            for (ReceivedTransferLine line : event.lines()) {
                dsl.update(AVAILABILITY_IN_TRANSIT)
                        .set(AVAILABILITY_IN_TRANSIT.RECEIVED, line.receivedAfter())
                        .set(AVAILABILITY_IN_TRANSIT.LAST_SEQUENCE, seq)
                        .where(AVAILABILITY_IN_TRANSIT.TRANSFER_ID.eq(event.transferId()))
                        .and(AVAILABILITY_IN_TRANSIT.LINE_NO.eq(line.lineNo()))
                        .and(AVAILABILITY_IN_TRANSIT.LAST_SEQUENCE.lt(seq))
                        .execute();
            }
        });
    }

    private void upsertStock(StockItemEvent event, long seq, Instant at) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(AVAILABILITY_STOCK.ON_HAND, event.onHandAfter());
        values.put(AVAILABILITY_STOCK.RESERVED, event.reservedAfter());
        // Older event types carry no held quantities: the held columns then keep what the last hold event set.
        if (event instanceof HeldQuantities held) {
            values.put(AVAILABILITY_STOCK.QUARANTINE, held.quarantineAfter());
            values.put(AVAILABILITY_STOCK.REFURBISHMENT, held.refurbishmentAfter());
        }
        values.put(AVAILABILITY_STOCK.LAST_SEQUENCE, seq);
        values.put(AVAILABILITY_STOCK.UPDATED_AT, at.atOffset(ZoneOffset.UTC));
        isolated.run(() -> dsl.insertInto(AVAILABILITY_STOCK)
                .set(AVAILABILITY_STOCK.SKU, event.sku())
                .set(AVAILABILITY_STOCK.WAREHOUSE_ID, event.warehouseId())
                .set(values)
                .onConflict(AVAILABILITY_STOCK.SKU, AVAILABILITY_STOCK.WAREHOUSE_ID)
                .doUpdate()
                .set(values)
                .where(AVAILABILITY_STOCK.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    // ---- Rebuild ----------------------------------------------------------------------------------------------

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every ChannelEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> APPLIED;
        };
    }

    /** Every ProductEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> APPLIED;
            case ProductListedOnChannel e -> APPLIED;
            case ProductDiscontinued e -> APPLIED;
        };
    }

    /** Every StockItemEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> APPLIED;
            case StockReserved e -> APPLIED;
            case StockReservationReleased e -> APPLIED;
            case StockIssued e -> APPLIED;
            case StockAdjusted e -> APPLIED;
            case StockReturned e -> APPLIED;
            case StockReleasedFromHold e -> APPLIED;
            case HeldStockWrittenOff e -> APPLIED;
            case StockTransferredOut e -> APPLIED;
            case StockCounted e -> ignored("a count changes no quantity by itself; the StockAdjusted recorded for it "
                    + "does");
            case StockCountApproved e -> ignored("the StockAdjusted recorded with the approval carries the variance");
            case StockCountRejected e -> ignored("a rejected count changes no quantity");
        };
    }

    /** Every TransferEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(TransferEvent event) {
        return switch (event) {
            case TransferRequested e -> ignored("nothing is in transit until the transfer ships");
            case TransferCancelled e -> ignored("a transfer is cancelled only before it ships, when nothing of it is "
                    + "in transit");
            case TransferShipped e -> APPLIED;
            case TransferReceived e -> APPLIED;
        };
    }
}
