package com.omniops.projections.settlements;

import static com.omniops.projections.jooq.Tables.SETTLEMENTS_ORDER;
import static com.omniops.projections.jooq.Tables.SETTLEMENTS_ORDER_EVENT;
import static com.omniops.projections.jooq.Tables.SETTLEMENTS_ORDER_REFERENCE;
import static com.omniops.projections.jooq.Tables.SETTLEMENTS_ROW;
import static com.omniops.projections.jooq.Tables.SETTLEMENTS_SETTLEMENT;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.val;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep17;
import org.springframework.stereotype.Component;

/**
 * Read model "settlements": each imported settlement with its status and totals, its rows with the order each belongs
 * to ({@link MatchState}), and the references that tie a row to an order: the channel order reference and the payment
 * reference given to the provider. A row that names an order not known yet waits (UNKNOWN_ORDER) and is matched when
 * that order's reference arrives. One segment (query-side.yml): a row and the order it names are events of different
 * aggregates, which two segments could apply at once, each missing the other.
 * <p>
 * Idempotency: the settlement row's {@code last_sequence} guards every write of its events; references and orders are
 * inserted once.
 */
@Component
@ProcessingGroup(SettlementsProjector.PROCESSING_GROUP)
public class SettlementsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "settlements";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, SettlementsProjector::new,
            SETTLEMENTS_ROW, SETTLEMENTS_SETTLEMENT, SETTLEMENTS_ORDER_REFERENCE, SETTLEMENTS_ORDER,
            SETTLEMENTS_ORDER_EVENT);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public SettlementsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(SettlementImportStarted event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(SETTLEMENTS_SETTLEMENT)
                .set(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID, event.settlementId())
                .set(SETTLEMENTS_SETTLEMENT.CHANNEL_ID, event.channelId())
                .set(SETTLEMENTS_SETTLEMENT.SOURCE, event.source().name())
                .set(SETTLEMENTS_SETTLEMENT.REPORT_ID, event.reportId())
                .set(SETTLEMENTS_SETTLEMENT.PERIOD_START, utc(event.periodStart()))
                .set(SETTLEMENTS_SETTLEMENT.PERIOD_END, utc(event.periodEnd()))
                .set(SETTLEMENTS_SETTLEMENT.DEPOSIT_DATE, utc(event.depositDate()))
                .set(SETTLEMENTS_SETTLEMENT.CURRENCY, event.total().currency())
                .set(SETTLEMENTS_SETTLEMENT.TOTAL, event.total().amount())
                .set(SETTLEMENTS_SETTLEMENT.ROW_COUNT, event.rowCount())
                .set(SETTLEMENTS_SETTLEMENT.STATUS, "IMPORTING")
                .set(SETTLEMENTS_SETTLEMENT.FILE_NAME, event.fileName())
                .set(SETTLEMENTS_SETTLEMENT.IMPORTED_BY, event.importedBy())
                .set(SETTLEMENTS_SETTLEMENT.STARTED_AT, utc(event.startedAt()))
                .set(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(SettlementRowsRecorded event, @SequenceNumber long seq) {
        isolated.run(() -> {
            BigDecimal sum = event.rows().stream().map(SettlementRow::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            var recorded = dsl.update(SETTLEMENTS_SETTLEMENT)
                    .set(SETTLEMENTS_SETTLEMENT.ROWS_RECORDED,
                            SETTLEMENTS_SETTLEMENT.ROWS_RECORDED.plus(event.rows().size()))
                    .set(SETTLEMENTS_SETTLEMENT.ROWS_TOTAL, SETTLEMENTS_SETTLEMENT.ROWS_TOTAL.plus(sum))
                    .set(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE, seq)
                    .where(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(event.settlementId()))
                    .and(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE.lt(seq))
                    .returning(SETTLEMENTS_SETTLEMENT.CHANNEL_ID, SETTLEMENTS_SETTLEMENT.ROWS_RECORDED)
                    .fetchOptional().orElse(null);
            if (recorded == null) {
                requireKnown(event.settlementId());
                return;
            }
            insertRows(event, recorded.getChannelId(), recorded.getRowsRecorded() - event.rows().size());
        });
    }

    /** One statement for the chunk's rows, each with its order if the reference names a known one. */
    private void insertRows(SettlementRowsRecorded event, String channelId, long firstRowNo) {
        List<String> references = event.rows().stream().map(SettlementRow::orderReference)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, String> orders = references.isEmpty() ? Map.of() : dsl
                .select(SETTLEMENTS_ORDER_REFERENCE.REFERENCE, SETTLEMENTS_ORDER_REFERENCE.ORDER_ID)
                .from(SETTLEMENTS_ORDER_REFERENCE)
                .where(SETTLEMENTS_ORDER_REFERENCE.CHANNEL_ID.eq(channelId))
                .and(SETTLEMENTS_ORDER_REFERENCE.REFERENCE.in(references))
                .fetchMap(SETTLEMENTS_ORDER_REFERENCE.REFERENCE, SETTLEMENTS_ORDER_REFERENCE.ORDER_ID);
        var r = SETTLEMENTS_ROW;
        InsertValuesStep17<?, String, Integer, Integer, Long, String, Long, String, String, String, String, String,
                BigDecimal, String, String, String, Integer, java.time.OffsetDateTime> insert = dsl.insertInto(r,
                r.SETTLEMENT_ID, r.CHUNK, r.POSITION, r.ROW_NO, r.CHANNEL_ID, r.LINE, r.KIND, r.TRANSACTION_TYPE,
                r.ORDER_REFERENCE, r.ORDER_ID, r.MATCH_STATE, r.AMOUNT, r.DESCRIPTION, r.TRANSACTION_ID, r.SKU,
                r.QUANTITY, r.POSTED_AT);
        int position = 0;
        for (SettlementRow row : event.rows()) {
            String orderId = row.orderReference() == null ? null : orders.get(row.orderReference());
            MatchState state = MatchState.of(row.kind(), row.orderReference(), orderId != null);
            insert = insert.values(event.settlementId(), event.chunk(), position, firstRowNo + position++,
                    channelId, row.line(),
                    row.kind().name(), row.transactionType(), row.orderReference(),
                    state == MatchState.MATCHED ? orderId : null, state.name(), row.amount(), row.description(),
                    row.transactionId(), row.sku(), row.quantity(), utc(row.postedAt()));
        }
        if (position > 0) {
            insert.onConflictDoNothing().execute();
        }
    }

    @EventHandler
    void on(SettlementImported event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (dsl.update(SETTLEMENTS_SETTLEMENT)
                    .set(SETTLEMENTS_SETTLEMENT.STATUS, "IMPORTED")
                    .set(SETTLEMENTS_SETTLEMENT.EXCEPTION, event.exception())
                    .set(SETTLEMENTS_SETTLEMENT.IMPORTED_AT, utc(event.importedAt()))
                    .set(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE, seq)
                    .where(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(event.settlementId()))
                    .and(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE.lt(seq))
                    .execute() == 0) {
                requireKnown(event.settlementId());
            }
        });
    }

    @EventHandler
    void on(SettlementRowMatched event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (advance(event.settlementId(), seq)) {
                dsl.update(SETTLEMENTS_ROW)
                        .set(SETTLEMENTS_ROW.ORDER_ID, event.orderId())
                        .set(SETTLEMENTS_ROW.MATCH_STATE, MatchState.MATCHED.name())
                        .set(SETTLEMENTS_ROW.MATCHED_BY, event.matchedBy())
                        .set(SETTLEMENTS_ROW.MATCH_NOTE, event.note())
                        .where(SETTLEMENTS_ROW.SETTLEMENT_ID.eq(event.settlementId()))
                        .and(SETTLEMENTS_ROW.ROW_NO.eq(event.rowNo()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(SettlementDifferenceAccepted event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (!advance(event.settlementId(), seq)) {
                return;
            }
            if (event.rowNo() != null) {
                dsl.update(SETTLEMENTS_ROW)
                        .set(SETTLEMENTS_ROW.ACCEPTED_BY, event.acceptedBy())
                        .set(SETTLEMENTS_ROW.ACCEPTED_REASON, event.reason())
                        .set(SETTLEMENTS_ROW.ACCEPTED_AT, utc(event.acceptedAt()))
                        .where(SETTLEMENTS_ROW.SETTLEMENT_ID.eq(event.settlementId()))
                        .and(SETTLEMENTS_ROW.ROW_NO.eq(event.rowNo()))
                        .execute();
            } else if (event.orderId() != null) {
                // the difference as it is now: a later payment, fee, refund or settlement row opens it again
                OrderDifferences.Difference now = OrderDifferences.of(dsl, event.orderId());
                dsl.update(SETTLEMENTS_ORDER)
                        .set(SETTLEMENTS_ORDER.ACCEPTED_SALES_DIFFERENCE, now.salesDifference())
                        .set(SETTLEMENTS_ORDER.ACCEPTED_FEE_DIFFERENCE, now.feeDifference())
                        .set(SETTLEMENTS_ORDER.ACCEPTED_BY, event.acceptedBy())
                        .set(SETTLEMENTS_ORDER.ACCEPTED_REASON, event.reason())
                        .set(SETTLEMENTS_ORDER.ACCEPTED_AT, utc(event.acceptedAt()))
                        .set(SETTLEMENTS_ORDER.ACCEPTED_IN, event.settlementId())
                        .where(SETTLEMENTS_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            } else {
                dsl.update(SETTLEMENTS_SETTLEMENT)
                        .set(SETTLEMENTS_SETTLEMENT.TOTAL_ACCEPTED_BY, event.acceptedBy())
                        .set(SETTLEMENTS_SETTLEMENT.TOTAL_ACCEPTED_REASON, event.reason())
                        .set(SETTLEMENTS_SETTLEMENT.TOTAL_ACCEPTED_AT, utc(event.acceptedAt()))
                        .where(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(event.settlementId()))
                        .execute();
            }
        });
    }

    /** Moves the settlement's row to {@code seq}; false when the event was applied before. */
    private boolean advance(String settlementId, long seq) {
        if (dsl.update(SETTLEMENTS_SETTLEMENT)
                .set(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE, seq)
                .where(SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(settlementId))
                .and(SETTLEMENTS_SETTLEMENT.LAST_SEQUENCE.lt(seq))
                .execute() == 1) {
            return true;
        }
        requireKnown(settlementId);
        return false;
    }

    @EventHandler
    void on(OrderPlaced event) {
        isolated.run(() -> {
            dsl.insertInto(SETTLEMENTS_ORDER)
                    .set(SETTLEMENTS_ORDER.ORDER_ID, event.orderId())
                    .set(SETTLEMENTS_ORDER.CHANNEL_ID, event.channelId())
                    .set(SETTLEMENTS_ORDER.CHANNEL_ORDER_REF, event.channelOrderRef())
                    .set(SETTLEMENTS_ORDER.CURRENCY, event.currency())
                    .onConflictDoNothing()
                    .execute();
            reference(event.channelId(), event.channelOrderRef(), event.orderId());
        });
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message) {
        isolated.run(() -> {
            String channelId = dsl.select(SETTLEMENTS_ORDER.CHANNEL_ID).from(SETTLEMENTS_ORDER)
                    .where(SETTLEMENTS_ORDER.ORDER_ID.eq(event.orderId())).fetchOne(SETTLEMENTS_ORDER.CHANNEL_ID);
            if (channelId == null) {
                throw new IllegalStateException("Order " + event.orderId() + " is not in the settlements read "
                        + "model: its OrderPlaced was not applied");
            }
            if (once(message)) {
                dsl.update(SETTLEMENTS_ORDER)
                        .set(SETTLEMENTS_ORDER.CAPTURED, SETTLEMENTS_ORDER.CAPTURED.plus(event.amount().amount()))
                        .set(SETTLEMENTS_ORDER.FIRST_PAID_AT, coalesce(SETTLEMENTS_ORDER.FIRST_PAID_AT,
                                utc(event.capturedAt())))
                        .where(SETTLEMENTS_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            }
            reference(channelId, event.reference(), event.orderId());
        });
    }

    @EventHandler
    void on(OrderRefunded event, EventMessage<?> message) {
        isolated.run(() -> {
            if (once(message)) {
                dsl.update(SETTLEMENTS_ORDER)
                        .set(SETTLEMENTS_ORDER.REFUNDED, SETTLEMENTS_ORDER.REFUNDED.plus(event.amount().amount()))
                        // PostgreSQL's GREATEST ignores the NULL of an order never refunded before
                        .set(SETTLEMENTS_ORDER.LAST_REFUNDED_AT, greatest(SETTLEMENTS_ORDER.LAST_REFUNDED_AT,
                                val(utc(event.refundedAt()))))
                        .where(SETTLEMENTS_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(OrderFeeRecorded event, EventMessage<?> message) {
        isolated.run(() -> {
            if (once(message)) {
                dsl.update(SETTLEMENTS_ORDER)
                        .set(SETTLEMENTS_ORDER.FEES_RECORDED,
                                SETTLEMENTS_ORDER.FEES_RECORDED.plus(event.amount().amount()))
                        .where(SETTLEMENTS_ORDER.ORDER_ID.eq(event.orderId()))
                        .execute();
            }
        });
    }

    /** True the first time an order event that adds to a sum is applied. */
    private boolean once(EventMessage<?> message) {
        return dsl.insertInto(SETTLEMENTS_ORDER_EVENT)
                .set(SETTLEMENTS_ORDER_EVENT.EVENT_ID, message.getIdentifier())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** A reference of an order: rows that named it before the order was known are matched now. */
    private void reference(String channelId, String reference, String orderId) {
        if (reference == null) {
            return;
        }
        int inserted = dsl.insertInto(SETTLEMENTS_ORDER_REFERENCE)
                .set(SETTLEMENTS_ORDER_REFERENCE.CHANNEL_ID, channelId)
                .set(SETTLEMENTS_ORDER_REFERENCE.REFERENCE, reference)
                .set(SETTLEMENTS_ORDER_REFERENCE.ORDER_ID, orderId)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            dsl.update(SETTLEMENTS_ROW)
                    .set(SETTLEMENTS_ROW.ORDER_ID, orderId)
                    .set(SETTLEMENTS_ROW.MATCH_STATE, MatchState.MATCHED.name())
                    .where(SETTLEMENTS_ROW.CHANNEL_ID.eq(channelId))
                    .and(SETTLEMENTS_ROW.ORDER_REFERENCE.eq(reference))
                    .and(SETTLEMENTS_ROW.MATCH_STATE.eq(MatchState.UNKNOWN_ORDER.name()))
                    .execute();
        }
    }

    /** An event applied before is fine; one of a settlement never started is an error (dead-lettered). */
    private void requireKnown(String settlementId) {
        if (!dsl.fetchExists(SETTLEMENTS_SETTLEMENT, SETTLEMENTS_SETTLEMENT.SETTLEMENT_ID.eq(settlementId))) {
            throw new IllegalStateException("Settlement " + settlementId + " is not in the settlements read model");
        }
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every SettlementEvent type, applied by a handler above. */
    static EventUse use(SettlementEvent event) {
        return switch (event) {
            case SettlementImportStarted e -> APPLIED;
            case SettlementRowsRecorded e -> APPLIED;
            case SettlementImported e -> APPLIED;
            case SettlementRowMatched e -> APPLIED;
            case SettlementDifferenceAccepted e -> APPLIED;
        };
    }

    /**
     * Every OrderEvent type: the order's references are what rows are matched by, and its payments, refunds and fees
     * what it should settle; else why not.
     */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> APPLIED;
            case PaymentCaptured e -> APPLIED;
            case OrderCancelled e -> ignored("a cancelled order keeps its references and its money: a refund of "
                    + "its payment is an OrderRefunded");
            case OrderShipped e -> ignored("shipping names no reference a settlement uses");
            case OrderDelivered e -> ignored("delivery names no reference a settlement uses");
            case OrderFeeRecorded e -> APPLIED;
            case ReturnRequested e -> ignored("returns name no reference a settlement uses");
            case ReturnReceived e -> ignored("returns name no reference a settlement uses");
            case ReturnInspected e -> ignored("returns name no reference a settlement uses");
            case OrderRefundEarmarked e -> ignored("only a refund paid out (OrderRefunded) is expected to settle");
            case OrderRefundApproved e -> ignored("only a refund paid out (OrderRefunded) is expected to settle");
            case OrderRefundReleased e -> ignored("a released earmark was never paid out");
            case OrderRefunded e -> APPLIED;
            case BackorderAllocated e -> ignored("allocation names no reference a settlement uses");
            case OrderPicked e -> ignored("picking names no reference a settlement uses");
            case OrderPacked e -> ignored("packing names no reference a settlement uses");
            case OrderShipmentOverdue e -> ignored("a late shipment names no reference a settlement uses");
        };
    }
}
