package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_BALANCE_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ENTRY;
import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.LEDGER_TRANSIT_LINE;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
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
import com.omniops.projections.ledger.PostingRules.StockValue;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Statement;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "ledger": the books. Each event that moves value posts one journal entry ({@link PostingRules}), keyed by
 * the event's identifier and carrying its global index, aggregate, business date and actor, so every figure drills
 * down to the event behind it. Daily totals per account are kept with the lines, and each stock item's on-hand and
 * average cost as of its last event.
 * <p>
 * Idempotency: the entry row is inserted only if the event's identifier is new, and the lines and daily totals only
 * with it (one statement), so a batch retried or an event applied twice posts once. The stock item's row only moves
 * forward (its last sequence number). One segment (query-side.yml): nearly every event adds to the same few daily
 * rows (inventory, cost of goods sold), which two segments would contend for.
 */
@Component
@ProcessingGroup(LedgerProjector.PROCESSING_GROUP)
public class LedgerProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "ledger";

    private final DSLContext dsl;
    private final ProjectionWrites writes;
    private final ChartOfAccounts chart;
    private final PostingRules rules;
    private final ReadModel readModel;

    public LedgerProjector(DSLContext dsl, Savepoints isolated, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.writes = new ProjectionWrites(dsl, isolated);
        this.chart = chart;
        this.rules = new PostingRules(chart);
        // Bound to this chart: a verification replay must post with the same accounts as the live projector.
        this.readModel = ReadModel.of(PROCESSING_GROUP, (other, savepoints) -> new LedgerProjector(other, savepoints,
                chart), LEDGER_LINE, LEDGER_ENTRY, LEDGER_BALANCE_DAILY, LEDGER_STOCK_ITEM, LEDGER_TRANSIT_LINE);
    }

    @EventHandler
    void on(StockReceived event, EventMessage<?> message) {
        long seq = sequence(message);
        AtomicReference<StockValue> before = new AtomicReference<>();
        writes.now(() -> before.set(valueBefore(event.stockItemId(), seq)));
        if (before.get() == null) {
            return; // applied already, or the batch failed and is retried event by event
        }
        StockValue stated = before.get();
        if (stated.onHand() != event.onHandAfter() - event.quantity()) {
            // The item's own figures disagree with what the books saw of it: posting would hide that. Dead-letter.
            throw new IllegalStateException("stock item " + event.stockItemId() + " had " + stated.onHand()
                    + " on hand in the books before receipt " + message.getIdentifier() + ", the event says "
                    + (event.onHandAfter() - event.quantity()));
        }
        post(message, event.receivedAt(), rules.received(event, stated), LedgerStatements.stockValue(event, seq));
    }

    @EventHandler
    void on(StockIssued event, EventMessage<?> message) {
        post(message, event.issuedAt(), rules.issued(event),
                LedgerStatements.stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockAdjusted event, EventMessage<?> message) {
        post(message, event.adjustedAt(), rules.adjusted(event),
                LedgerStatements.stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockReturned event, EventMessage<?> message) {
        post(message, event.returnedAt(), rules.returned(event),
                LedgerStatements.stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(HeldStockWrittenOff event, EventMessage<?> message) {
        post(message, event.writtenOffAt(), rules.writtenOff(event),
                LedgerStatements.stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockTransferredOut event, EventMessage<?> message) {
        post(message, event.transferredAt(), rules.transferredOut(event),
                LedgerStatements.stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message) {
        post(message, event.capturedAt(), rules.paymentCaptured(event), null);
    }

    @EventHandler
    void on(OrderFeeRecorded event, EventMessage<?> message) {
        post(message, event.recordedAt(), rules.feeRecorded(event), null);
    }

    @EventHandler
    void on(TransferShipped event) {
        List<BigDecimal> unitCosts = event.lines().stream().map(line -> rules.companyAmount(line.unitCost())).toList();
        writes.apply(LedgerStatements.transitShipped(event, unitCosts));
    }

    @EventHandler
    void on(TransferReceived event) {
        writes.apply(LedgerStatements.transitReceived(event));
    }

    /** The stock item's value before an event at {@code seq}; null if the books have that event already. */
    private StockValue valueBefore(String stockItemId, long seq) {
        var row = dsl.select(LEDGER_STOCK_ITEM.ON_HAND, LEDGER_STOCK_ITEM.UNIT_COST, LEDGER_STOCK_ITEM.LAST_SEQUENCE)
                .from(LEDGER_STOCK_ITEM).where(LEDGER_STOCK_ITEM.STOCK_ITEM_ID.eq(stockItemId)).fetchOne();
        if (row == null) {
            return StockValue.NONE;
        }
        return row.value3() >= seq ? null : new StockValue(row.value1(), row.value2());
    }

    private void post(EventMessage<?> message, Instant occurredAt, JournalEntry entry, Statement stockValue) {
        Statement posting = entry.lines().isEmpty() ? null
                : LedgerStatements.posting(message, occurredAt, entry, chart.companyCurrency());
        if (posting != null && stockValue != null) {
            writes.apply(posting, stockValue);
        } else if (posting != null) {
            writes.apply(posting);
        } else if (stockValue != null) {
            writes.apply(stockValue);
        }
    }



    private static long sequence(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getSequenceNumber();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " has no aggregate sequence number");
    }



    /** How this projector writes (batched per processor batch, or event by event); for operations and tests. */
    public ProjectionWrites writes() {
        return writes;
    }

    @Override
    public ReadModel readModel() {
        return readModel;
    }

    @ResetHandler
    void reset() {
        writes.reset();
        readModel.clear(dsl);
    }

    /** Every StockItemEvent type: posted when it changes the units on hand, else why not ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> APPLIED;
            case StockIssued e -> APPLIED;
            case StockAdjusted e -> APPLIED;
            case StockReturned e -> APPLIED;
            case HeldStockWrittenOff e -> APPLIED;
            case StockTransferredOut e -> APPLIED;
            case StockReserved e -> ignored("a reservation moves no value: the units stay on hand until issued");
            case StockReservationReleased e -> ignored("a released reservation moves no value");
            case StockReleasedFromHold e -> ignored("held units are on hand and in inventory already; releasing "
                    + "them moves no value");
            case StockCounted e -> ignored("a count moves no value by itself: an approved variance is posted from "
                    + "the StockAdjusted (COUNT_CORRECTION) it causes");
            case StockCountApproved e -> ignored("posted from the StockAdjusted (COUNT_CORRECTION) that follows");
            case StockCountRejected e -> ignored("a rejected count changes no stock");
        };
    }

    /**
     * Every TransferEvent type: the transfer's own account of what is in transit, for the in-transit check (the
     * postings come from the stock items' StockTransferredOut and StockReceived), else why not ({@link EventUse}).
     */
    static EventUse use(TransferEvent event) {
        return switch (event) {
            case TransferShipped e -> APPLIED;
            case TransferReceived e -> APPLIED;
            case TransferRequested e -> ignored("a requested transfer has moved nothing yet");
            case TransferCancelled e -> ignored("only a transfer that has not shipped can be cancelled: nothing is "
                    + "in transit");
        };
    }

    /** Every OrderEvent type: posted when it moves money this release books, else why not ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case PaymentCaptured e -> APPLIED;
            case OrderFeeRecorded e -> APPLIED;
            case OrderPlaced e -> ignored("an order moves no value until it ships (stock: StockIssued)");
            case BackorderAllocated e -> ignored("an allocation moves no value");
            case OrderPicked e -> ignored("picking moves no value");
            case OrderPacked e -> ignored("packing moves no value");
            case OrderShipped e -> ignored("its cost is posted from StockIssued; revenue, tax and shipping income "
                    + "need the amounts OrderShipped does not carry yet (docs/ledger.md \"Not yet posted\")");
            case OrderDelivered e -> ignored("delivery moves no value");
            case OrderCancelled e -> ignored("a cancellation moves no value; its refund is posted when paid out");
            case ReturnRequested e -> ignored("a return request moves no value");
            case ReturnReceived e -> ignored("the units' value is posted from StockReturned at inspection");
            case ReturnInspected e -> ignored("the units' value is posted from the StockReturned it causes");
            case OrderRefundEarmarked e -> ignored("an earmark reserves a refund and moves no money");
            case OrderRefundApproved e -> ignored("an approval moves no money");
            case OrderRefundReleased e -> ignored("a released earmark moves no money");
            case OrderRefunded e -> ignored("the refund's split into net and tax is not on the event yet "
                    + "(docs/ledger.md \"Not yet posted\")");
        };
    }
}
