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
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
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
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "channel stock availability": which active SKUs each channel lists, the channel's warehouses and safety
 * buffer, and the stock position per SKU and warehouse. Available-to-sell is derived at query time
 * ({@link AvailabilityReadModel}).
 * <p>
 * Idempotency: each row keeps the sequence number of the last event of its aggregate applied to it; upserts only
 * change a row when the event's sequence number is higher, so redelivery and replay give the same rows. The handlers
 * only route; {@link ListingRows} and {@link StockRows} write the rows, through {@link ProjectionWrites}: the stock
 * and product statements carry their guard in SQL, so a processor batch queues them and executes them together; the
 * rare channel and listing events, which decide on a row count, flush the queue and run at once.
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
    private final ProjectionWrites writes;
    private final ListingRows listings;
    private final StockRows stock;

    public AvailabilityProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.writes = new ProjectionWrites(dsl, isolated);
        this.listings = new ListingRows(dsl);
        this.stock = new StockRows();
    }

    // ---- Channel and product: what each channel may sell ---------------------------------------------------------

    @EventHandler
    void on(ChannelRegistered event, @SequenceNumber long seq) {
        writes.now(() -> listings.registerChannel(event, seq)); // rare; decides on a row count
    }

    @EventHandler
    void on(ChannelSettingsChanged event, @SequenceNumber long seq) {
        writes.now(() -> listings.changeChannel(event, seq)); // rare; decides on a row count
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long seq) {
        writes.apply(ListingRows.upsertProduct(event.sku(), true, seq));
    }

    @EventHandler
    void on(ProductListedOnChannel event, @SequenceNumber long seq) {
        writes.now(() -> listings.list(event, seq)); // rare; decides on a row count
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long seq) {
        writes.apply(ListingRows.upsertProduct(event.sku(), false, seq));
    }

    // ---- Stock item: every event carries the absolute quantities after it ---------------------------------------

    @EventHandler
    void on(StockReceived event, @SequenceNumber long seq) {
        position(event, seq, event.receivedAt());
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long seq) {
        position(event, seq, event.reservedAt());
    }

    @EventHandler
    void on(StockReservationReleased event, @SequenceNumber long seq) {
        position(event, seq, event.releasedAt());
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long seq) {
        position(event, seq, event.issuedAt());
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long seq) {
        position(event, seq, event.adjustedAt());
    }

    @EventHandler
    void on(StockReturned event, @SequenceNumber long seq) {
        position(event, seq, event.returnedAt());
    }

    @EventHandler
    void on(StockReleasedFromHold event, @SequenceNumber long seq) {
        position(event, seq, event.releasedAt());
    }

    @EventHandler
    void on(HeldStockWrittenOff event, @SequenceNumber long seq) {
        position(event, seq, event.writtenOffAt());
    }

    @EventHandler
    void on(StockTransferredOut event, @SequenceNumber long seq) {
        position(event, seq, event.transferredAt());
    }

    private void position(StockItemEvent event, long seq, Instant at) {
        writes.apply(stock.position(event, seq, at));
    }

    // ---- Transfer: units shipped and not yet received are in transit to the destination ----------------------

    @EventHandler
    void on(TransferShipped event, @SequenceNumber long seq) {
        writes.apply(stock.shipped(event, seq));
    }

    @EventHandler
    void on(TransferReceived event, @SequenceNumber long seq) {
        writes.apply(stock.received(event, seq));
    }

    // ---- Rebuild ----------------------------------------------------------------------------------------------

    /** How this projector writes (batched per processor batch, or event by event); for operations and tests. */
    public ProjectionWrites writes() {
        return writes;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        writes.reset();
        READ_MODEL.clear(dsl);
    }

    /** Every ChannelEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> APPLIED;
            case ChannelSettingsChanged e -> APPLIED;
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
