package com.omniops.projections.purchasing;

import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER;
import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.PURCHASING_SUPPLIER;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderEvent;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.supplier.SupplierEvent;
import com.omniops.events.supplier.SupplierRegistered;
import com.omniops.projections.support.EventUse;
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
 * Read model "purchasing": suppliers and purchase orders with ordered, confirmed and received quantities per line.
 * Each order row remembers the sequence number of the last event applied; an event at or below it is a replay of
 * something already applied and changes nothing (the order row guards its lines too).
 */
@Component
@ProcessingGroup(PurchasingProjector.PROCESSING_GROUP)
public class PurchasingProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "purchasing";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, PurchasingProjector::new,
            PURCHASING_ORDER_LINE, PURCHASING_ORDER, PURCHASING_SUPPLIER);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public PurchasingProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(SupplierRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(PURCHASING_SUPPLIER)
                .set(PURCHASING_SUPPLIER.SUPPLIER_ID, event.supplierId())
                .set(PURCHASING_SUPPLIER.NAME, event.name())
                .set(PURCHASING_SUPPLIER.LEAD_TIME_MEAN_DAYS, event.leadTimeMeanDays())
                .set(PURCHASING_SUPPLIER.LEAD_TIME_STD_DEV_DAYS, event.leadTimeStdDevDays())
                .set(PURCHASING_SUPPLIER.MINIMUM_ORDER_QUANTITY, event.minimumOrderQuantity())
                .set(PURCHASING_SUPPLIER.CURRENCY, event.currency())
                .set(PURCHASING_SUPPLIER.REGISTERED_AT, utc(event.registeredAt()))
                .set(PURCHASING_SUPPLIER.LAST_SEQUENCE, seq)
                .onConflict(PURCHASING_SUPPLIER.SUPPLIER_ID).doNothing()
                .execute());
    }

    @EventHandler
    void on(PurchaseOrderDrafted event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int inserted = dsl.insertInto(PURCHASING_ORDER)
                    .set(PURCHASING_ORDER.PURCHASE_ORDER_ID, event.purchaseOrderId())
                    .set(PURCHASING_ORDER.SUPPLIER_ID, event.supplierId())
                    .set(PURCHASING_ORDER.WAREHOUSE_ID, event.warehouseId())
                    .set(PURCHASING_ORDER.CURRENCY, event.currency())
                    .set(PURCHASING_ORDER.STATUS, "DRAFT")
                    .set(PURCHASING_ORDER.ORIGIN, event.origin().name())
                    .set(PURCHASING_ORDER.EXPECTED_DATE, event.expectedDate())
                    .set(PURCHASING_ORDER.DRAFTED_AT, utc(event.draftedAt()))
                    .set(PURCHASING_ORDER.LAST_SEQUENCE, seq)
                    .onConflict(PURCHASING_ORDER.PURCHASE_ORDER_ID).doNothing()
                    .execute();
            if (inserted == 0) {
                return;
            }
            var insert = dsl.insertInto(PURCHASING_ORDER_LINE, PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID,
                    PURCHASING_ORDER_LINE.LINE_NO, PURCHASING_ORDER_LINE.SKU, PURCHASING_ORDER_LINE.ORDERED,
                    PURCHASING_ORDER_LINE.UNIT_COST);
            for (var line : event.lines()) {
                insert = insert.values(event.purchaseOrderId(), line.lineNo(), line.sku(), line.quantity(),
                        line.unitCost());
            }
            insert.execute();
        });
    }

    @EventHandler
    void on(PurchaseOrderSubmitted event, @SequenceNumber long seq) {
        advance(event.purchaseOrderId(), seq, () -> dsl.update(PURCHASING_ORDER)
                .set(PURCHASING_ORDER.STATUS, "SUBMITTED")
                .set(PURCHASING_ORDER.SUBMITTED_AT, utc(event.submittedAt()))
                .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())).execute());
    }

    @EventHandler
    void on(PurchaseOrderConfirmed event, @SequenceNumber long seq) {
        advance(event.purchaseOrderId(), seq, () -> {
            var update = dsl.update(PURCHASING_ORDER).set(PURCHASING_ORDER.STATUS, "CONFIRMED");
            if (event.confirmedDate() != null) {
                update = update.set(PURCHASING_ORDER.CONFIRMED_DATE, event.confirmedDate())
                        .set(PURCHASING_ORDER.EXPECTED_DATE, event.confirmedDate());
            }
            update.where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())).execute();
            for (var line : event.lines()) {
                dsl.update(PURCHASING_ORDER_LINE).set(PURCHASING_ORDER_LINE.CONFIRMED, line.quantity())
                        .where(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())
                                .and(PURCHASING_ORDER_LINE.LINE_NO.eq(line.lineNo())))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(PurchaseOrderGoodsReceived event, @SequenceNumber long seq) {
        advance(event.purchaseOrderId(), seq, () -> {
            dsl.update(PURCHASING_ORDER).set(PURCHASING_ORDER.STATUS, "PARTIALLY_RECEIVED")
                    .set(PURCHASING_ORDER.LAST_RECEIVED_AT, utc(event.receivedAt()))
                    .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())).execute();
            for (var line : event.lines()) {
                dsl.update(PURCHASING_ORDER_LINE)
                        .set(PURCHASING_ORDER_LINE.RECEIVED, PURCHASING_ORDER_LINE.RECEIVED.plus(line.quantity()))
                        .where(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())
                                .and(PURCHASING_ORDER_LINE.LINE_NO.eq(line.lineNo())))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(PurchaseOrderReceived event, @SequenceNumber long seq) {
        end(event.purchaseOrderId(), seq, "RECEIVED", event.receivedAt(), null);
    }

    @EventHandler
    void on(PurchaseOrderClosed event, @SequenceNumber long seq) {
        end(event.purchaseOrderId(), seq, "CLOSED", event.closedAt(), event.reason());
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long seq) {
        end(event.purchaseOrderId(), seq, "CANCELLED", event.cancelledAt(), event.reason());
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    private void end(String purchaseOrderId, long seq, String status, Instant at, String reason) {
        advance(purchaseOrderId, seq, () -> dsl.update(PURCHASING_ORDER)
                .set(PURCHASING_ORDER.STATUS, status)
                .set(PURCHASING_ORDER.ENDED_AT, utc(at))
                .set(PURCHASING_ORDER.END_REASON, reason)
                .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(purchaseOrderId)).execute());
    }

    /**
     * Applies the change only if this event is newer than the last one applied to the order, and records it; an
     * event for an order the read model has never seen is an error (dead-lettered) rather than silently skipped.
     */
    private void advance(String purchaseOrderId, long seq, Runnable change) {
        isolated.run(() -> {
            Long last = dsl.select(PURCHASING_ORDER.LAST_SEQUENCE).from(PURCHASING_ORDER)
                    .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(purchaseOrderId)).forUpdate()
                    .fetchOptional(PURCHASING_ORDER.LAST_SEQUENCE)
                    .orElseThrow(() -> new IllegalStateException("Purchase order " + purchaseOrderId
                            + " is not in the read model; its draft event was not applied"));
            if (last >= seq) {
                return;
            }
            change.run();
            dsl.update(PURCHASING_ORDER).set(PURCHASING_ORDER.LAST_SEQUENCE, seq)
                    .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(purchaseOrderId)).execute();
        });
    }

    /** Every SupplierEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(SupplierEvent event) {
        return switch (event) {
            case SupplierRegistered e -> APPLIED;
        };
    }

    /** Every PurchaseOrderEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(PurchaseOrderEvent event) {
        return switch (event) {
            case PurchaseOrderDrafted e -> APPLIED;
            case PurchaseOrderSubmitted e -> APPLIED;
            case PurchaseOrderConfirmed e -> APPLIED;
            case PurchaseOrderGoodsReceived e -> APPLIED;
            case PurchaseOrderReceived e -> APPLIED;
            case PurchaseOrderClosed e -> APPLIED;
            case PurchaseOrderCancelled e -> APPLIED;
        };
    }
}
