package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_BALANCE_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_MARGIN_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ENTRY;
import static com.omniops.projections.jooq.Tables.LEDGER_ISSUE;
import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER_FEE;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER_REFERENCE;
import static com.omniops.projections.jooq.Tables.LEDGER_SETTLEMENT_FEE;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_PERIOD;
import static com.omniops.projections.jooq.Tables.LEDGER_PRODUCT;
import static com.omniops.projections.jooq.Tables.LEDGER_REFUND_LINE;
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
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundEvent;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
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
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodEvent;
import com.omniops.events.period.PeriodReopened;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.ledger.LedgerOrderStatements.BatchOrders;
import com.omniops.projections.ledger.PostingRules.StockValue;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
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

    /**
     * The ledger's statements by kind, the order a batch's flush runs them in ({@link ProjectionWrites}): within a
     * kind the result does not depend on the order of the events (entries and issues keyed by the event, daily totals
     * added, stock items and orders moving forward by sequence number, a transfer's received units only up, shipped
     * units absolute but kept in event order), and each kind depends only on kinds before it (a product's tax category
     * before the orders of it, an order before its state, a shipped transfer before its receipt). One JDBC batch per
     * kind instead of one per change of kind between events.
     */
    private static final List<String> FLUSH_ORDER = List.of(LedgerOrderStatements.PRODUCT,
            LedgerOrderStatements.PLACED, LedgerStatements.POST, LedgerStatements.STOCK_VALUE,
            LedgerOrderStatements.ISSUED, LedgerOrderStatements.REFUND_LINES, LedgerOrderStatements.ORDER_STATE,
            LedgerOrderStatements.SHIPPED,
            LedgerStatements.TRANSIT_SHIPPED, LedgerStatements.TRANSIT_RECEIVED,
            LedgerSettlementStatements.ORDER_REFERENCE, LedgerSettlementStatements.PAYMENT_REFERENCE,
            LedgerSettlementStatements.FEE_ESTIMATE, LedgerSettlementStatements.SETTLEMENT_FEES,
            LedgerSettlementStatements.FEE_REPLACED, LedgerStatements.PERIOD);

    private final DSLContext dsl;
    private final ProjectionWrites writes;
    private final LedgerWriter writer;
    private final PostingRules rules;
    private final OrderPostingRules orderRules;
    private final SettlementPostingRules settlementRules;
    private final ReadModel readModel;

    public LedgerProjector(DSLContext dsl, Savepoints isolated, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.writes = new ProjectionWrites(dsl, isolated, FLUSH_ORDER);
        this.writer = new LedgerWriter(dsl, writes, chart);
        this.rules = new PostingRules(chart);
        this.orderRules = new OrderPostingRules(chart);
        this.settlementRules = new SettlementPostingRules(chart);
        // Bound to this chart: a verification replay must post with the same accounts as the live projector.
        this.readModel = ReadModel.of(PROCESSING_GROUP, (other, savepoints) -> new LedgerProjector(other, savepoints,
                chart), LEDGER_LINE, LEDGER_ENTRY, LEDGER_BALANCE_DAILY, LEDGER_MARGIN_DAILY, LEDGER_STOCK_ITEM,
                LEDGER_TRANSIT_LINE, LEDGER_PRODUCT, LEDGER_ORDER, LEDGER_ORDER_LINE, LEDGER_ISSUE, LEDGER_REFUND_LINE,
                LEDGER_ORDER_REFERENCE, LEDGER_ORDER_FEE, LEDGER_SETTLEMENT_FEE, LEDGER_PERIOD);
    }

    @EventHandler
    void on(StockReceived event, EventMessage<?> message) {
        long seq = LedgerWriter.sequence(message);
        AtomicReference<StockValue> before = new AtomicReference<>();
        writes.now(() -> before.set(writer.valueBefore(event.stockItemId(), seq)));
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
        writer.post(message, event.receivedAt(), rules.received(event, stated), LedgerStatements.stockValue(event, seq));
    }

    @EventHandler
    void on(StockIssued event, EventMessage<?> message) {
        writer.post(message, event.issuedAt(), rules.issued(event), LedgerStatements.stockValue(event, LedgerWriter.sequence(message)),
                LedgerOrderStatements.issued(message.getIdentifier(), event, rules.companyAmount(event.unitCost())));
    }

    @EventHandler
    void on(StockAdjusted event, EventMessage<?> message) {
        writer.post(message, event.adjustedAt(), rules.adjusted(event),
                LedgerStatements.stockValue(event, LedgerWriter.sequence(message)));
    }

    @EventHandler
    void on(StockReturned event, EventMessage<?> message) {
        AtomicReference<Optional<BigDecimal>> leftWith = new AtomicReference<>();
        writes.now(() -> leftWith.set(LedgerOrderStatements.leftUnitCost(dsl, event.orderId(), event.lineNo())));
        if (leftWith.get() == null) {
            return; // the batch failed and is retried event by event
        }
        // Units the books never saw leave (none in a stream that starts with the order) come back at today's cost.
        BigDecimal leftUnitCost = leftWith.get().orElseGet(() -> rules.companyAmount(event.unitCost()));
        writer.post(message, event.returnedAt(), rules.returned(event, leftUnitCost),
                LedgerStatements.stockValue(event, LedgerWriter.sequence(message)));
    }

    @EventHandler
    void on(HeldStockWrittenOff event, EventMessage<?> message) {
        writer.post(message, event.writtenOffAt(), rules.writtenOff(event),
                LedgerStatements.stockValue(event, LedgerWriter.sequence(message)));
    }

    @EventHandler
    void on(StockTransferredOut event, EventMessage<?> message) {
        writer.post(message, event.transferredAt(), rules.transferredOut(event),
                LedgerStatements.stockValue(event, LedgerWriter.sequence(message)));
    }

    @EventHandler
    void on(ProductRegistered event) {
        writes.apply(LedgerOrderStatements.product(event));
        BatchOrders known = writer.batchOrders();
        if (known != null) {
            known.taxCategories().putIfAbsent(event.sku(), event.taxCategory());
        }
    }

    @EventHandler
    void on(OrderPlaced event, EventMessage<?> message) {
        BatchOrders known = writer.batchOrders();
        OrderBooks placed = OrderBooks.placed(event, LedgerWriter.sequence(message), known == null ? Map.of()
                : known.taxCategories());
        // the tax categories are looked up in SQL; the batch's copy holds the same ones (or none, as the table)
        writes.apply(LedgerOrderStatements.placed(placed, event.pricesIncludeTax()),
                LedgerSettlementStatements.orderReference(event.channelId(), event.channelOrderRef(),
                        event.orderId()));
        if (known != null) {
            known.orders().putIfAbsent(event.orderId(), placed); // the books' own row wins if it is there already
        }
    }

    @EventHandler
    void on(OrderShipped event, EventMessage<?> message) {
        long seq = LedgerWriter.sequence(message);
        writer.postForOrder(event.orderId(), message, event.shippedAt(), before -> orderRules.shipped(event, seq, before));
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message) {
        long seq = LedgerWriter.sequence(message);
        writer.postForOrder(event.orderId(), message, event.capturedAt(),
                before -> orderRules.paymentCaptured(event, seq, before));
        if (event.reference() != null) {
            writes.apply(LedgerSettlementStatements.paymentReference(event.reference(), event.orderId()));
        }
    }

    @EventHandler
    void on(RefundRequested event) {
        if (!event.lines().isEmpty()) {
            writes.apply(LedgerOrderStatements.refundLines(event));
        }
    }

    @EventHandler
    void on(OrderRefunded event, EventMessage<?> message) {
        long seq = LedgerWriter.sequence(message);
        AtomicReference<List<OrderPostingRules.RefundShare>> lines = new AtomicReference<>();
        writes.now(() -> lines.set(LedgerOrderStatements.refundLines(dsl, event.refundId())));
        if (lines.get() == null) {
            return; // the batch failed and is retried event by event
        }
        writer.postForOrder(event.orderId(), message, event.refundedAt(),
                before -> orderRules.refunded(event, seq, before, lines.get()));
    }

    @EventHandler
    void on(OrderFeeRecorded event, EventMessage<?> message) {
        JournalEntry entry = rules.feeRecorded(event);
        BigDecimal amount = entry.lines().isEmpty() ? BigDecimal.ZERO : entry.lines().get(0).debit();
        writer.post(message, event.recordedAt(), entry,
                LedgerSettlementStatements.feeEstimate(message.getIdentifier(), event, amount));
    }

    @EventHandler
    void on(SettlementRowsRecorded event) {
        LedgerSettlementStatements.settlementFees(event).ifPresent(writes::apply);
    }

    @EventHandler
    void on(SettlementImported event, EventMessage<?> message) {
        AtomicReference<List<SettlementPostingRules.OrderFees>> orders = new AtomicReference<>();
        writes.now(() -> orders.set(LedgerSettlementStatements.orderFees(dsl, event.settlementId(),
                event.channelId())));
        if (orders.get() == null) {
            return; // the batch failed and is retried event by event
        }
        writer.post(message, event.depositDate(), settlementRules.imported(event, orders.get()),
                LedgerSettlementStatements.feeReplaced(event.settlementId(),
                        SettlementPostingRules.replaced(orders.get())));
    }

    @EventHandler
    void on(PeriodClosed event) {
        period(YearMonth.parse(event.period()), true);
    }

    @EventHandler
    void on(PeriodReopened event) {
        period(YearMonth.parse(event.period()), false);
    }

    /** The month's state for the events after this one (in this batch too), and in the ledger's table. */
    private void period(YearMonth month, boolean closed) {
        LedgerPeriods periods = writer.periods();
        if (periods == null) {
            return; // the batch failed and is retried event by event
        }
        if (closed) {
            periods.closed(month);
        } else {
            periods.reopened(month);
        }
        writes.apply(new ProjectionWrites.Statement(LedgerStatements.PERIOD, month.toString(), closed));
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

    /** Every ProductEvent type: a product's tax category is kept for the tax of its sales, else why not. */
    static EventUse use(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> APPLIED;
            case ProductListedOnChannel e -> ignored("a listing moves no value");
            case ProductDiscontinued e -> ignored("a discontinued product's sales and stock post as before");
        };
    }

    /** Every RefundEvent type: a refund's lines are kept for the tax of its payout, else why not. */
    static EventUse use(RefundEvent event) {
        return switch (event) {
            case RefundRequested e -> APPLIED;
            case RefundApproved e -> ignored("an approval moves no money");
            case RefundRejected e -> ignored("a rejected refund moves no money");
            case RefundIssued e -> ignored("the payout is posted from the order's OrderRefunded, stored with it");
            case RefundIssueFailed e -> ignored("a failed payout moves no money");
        };
    }

    /** Every OrderEvent type: posted when it moves money this release books, else why not ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case PaymentCaptured e -> APPLIED;
            case OrderFeeRecorded e -> APPLIED;
            case OrderPlaced e -> APPLIED; // posts nothing: the books keep its lines for its shipments and refunds
            case OrderShipped e -> APPLIED;
            case OrderRefunded e -> APPLIED;
            case BackorderAllocated e -> ignored("an allocation moves no value");
            case OrderPicked e -> ignored("picking moves no value");
            case OrderPacked e -> ignored("packing moves no value");
            case OrderShipmentOverdue e -> ignored("being late moves no value");
            case OrderDelivered e -> ignored("delivery moves no value");
            case OrderCancelled e -> ignored("a cancellation moves no value; its refund is posted when paid out");
            case ReturnRequested e -> ignored("a return request moves no value");
            case ReturnReceived e -> ignored("the units' value is posted from StockReturned at inspection");
            case ReturnInspected e -> ignored("the units' value is posted from the StockReturned it causes");
            case OrderRefundEarmarked e -> ignored("an earmark reserves a refund and moves no money");
            case OrderRefundApproved e -> ignored("an approval moves no money");
            case OrderRefundReleased e -> ignored("a released earmark moves no money");
        };
    }

    /** Every SettlementEvent type: the books take a settlement when it is imported, else why not. */
    static EventUse use(SettlementEvent event) {
        return switch (event) {
            case SettlementImportStarted e -> ignored("nothing counts before every row is recorded");
            case SettlementRowsRecorded e -> APPLIED;
            case SettlementImported e -> APPLIED;
            case SettlementRowMatched e -> ignored("a row matched by hand moves no money: its amount was posted at "
                    + "import (a fee of no known order stays one; docs/ledger.md \"Limits\")");
            case SettlementDifferenceAccepted e -> ignored("accepting a difference explains it; the books hold it "
                    + "where the import posted it");
        };
    }

    /** Every PeriodEvent type: which months take postings. */
    static EventUse use(PeriodEvent event) {
        return switch (event) {
            case PeriodClosed e -> APPLIED;
            case PeriodReopened e -> APPLIED;
        };
    }
}
