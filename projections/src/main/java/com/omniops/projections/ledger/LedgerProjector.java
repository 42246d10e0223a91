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
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.ledger.PostingRules.StockValue;
import com.omniops.projections.support.Columns;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Array;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.audit.ActorCorrelationData;
import com.omniops.support.tx.Savepoints;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
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
     * The entry, and only if it is new its lines (arrays: line numbers, accounts, debits, credits) and their addition
     * to the daily totals. Binds: the entry's 15 columns, then the four arrays.
     */
    private static final String POST = """
            WITH entry AS (
                INSERT INTO ledger_entry (entry_id, global_index, event_type, aggregate_type, aggregate_id,
                                          aggregate_sequence, business_date, occurred_at, actor, currency, description,
                                          order_id, sku, warehouse_id, reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id) DO NOTHING
                RETURNING entry_id, business_date, global_index),
            lines AS (
                INSERT INTO ledger_line (entry_id, line_no, account_code, debit, credit, business_date, global_index)
                SELECT entry.entry_id, l.line_no, l.account_code, l.debit, l.credit, entry.business_date,
                       entry.global_index
                FROM entry, unnest(?::int[], ?::varchar[], ?::numeric[], ?::numeric[])
                    AS l(line_no, account_code, debit, credit)
                RETURNING account_code, business_date, debit, credit)
            INSERT INTO ledger_balance_daily (account_code, business_date, debit, credit)
            SELECT account_code, business_date, sum(debit), sum(credit) FROM lines GROUP BY account_code, business_date
            ON CONFLICT (account_code, business_date) DO UPDATE
            SET debit = ledger_balance_daily.debit + excluded.debit,
                credit = ledger_balance_daily.credit + excluded.credit""";

    /** The stock item's on-hand and average cost after its event. Binds: item, SKU, warehouse, on hand, cost, seq. */
    private static final String STOCK_VALUE = """
            INSERT INTO ledger_stock_item (stock_item_id, sku, warehouse_id, on_hand, unit_cost, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (stock_item_id) DO UPDATE
            SET on_hand = excluded.on_hand, unit_cost = excluded.unit_cost, last_sequence = excluded.last_sequence
            WHERE ledger_stock_item.last_sequence < excluded.last_sequence""";

    /** A shipped transfer's lines (arrays: line numbers, SKUs, quantities, unit costs); once. Binds: id, arrays. */
    private static final String TRANSIT_SHIPPED = """
            INSERT INTO ledger_transit_line (transfer_id, line_no, sku, shipped, received, unit_cost)
            SELECT ?, l.line_no, l.sku, l.quantity, 0, l.unit_cost
            FROM unnest(?::int[], ?::varchar[], ?::int[], ?::numeric[]) AS l(line_no, sku, quantity, unit_cost)
            ON CONFLICT (transfer_id, line_no) DO NOTHING""";

    /**
     * What the destination has received of each line so far, as the transfer states it (absolute, so applying a
     * receipt twice changes nothing). Binds: arrays (line numbers, received after), transfer id.
     */
    private static final String TRANSIT_RECEIVED = """
            UPDATE ledger_transit_line t SET received = GREATEST(t.received, r.received_after)
            FROM unnest(?::int[], ?::int[]) AS r(line_no, received_after)
            WHERE t.transfer_id = ? AND t.line_no = r.line_no""";

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
        post(message, event.receivedAt(), rules.received(event, stated), stockValue(event, seq));
    }

    @EventHandler
    void on(StockIssued event, EventMessage<?> message) {
        post(message, event.issuedAt(), rules.issued(event),
                stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockAdjusted event, EventMessage<?> message) {
        post(message, event.adjustedAt(), rules.adjusted(event),
                stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockReturned event, EventMessage<?> message) {
        post(message, event.returnedAt(), rules.returned(event),
                stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(HeldStockWrittenOff event, EventMessage<?> message) {
        post(message, event.writtenOffAt(), rules.writtenOff(event),
                stockValue(event, sequence(message)));
    }

    @EventHandler
    void on(StockTransferredOut event, EventMessage<?> message) {
        post(message, event.transferredAt(), rules.transferredOut(event),
                stockValue(event, sequence(message)));
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
        List<ShippedTransferLine> lines = event.lines();
        for (ShippedTransferLine line : lines) {
            if (!line.unitCost().currency().equals(chart.companyCurrency())) {
                throw new PostingRules.ForeignCurrency(line.unitCost(), chart.companyCurrency());
            }
        }
        writes.apply(new Statement(TRANSIT_SHIPPED, event.transferId(),
                new Array("integer", lines.stream().map(ShippedTransferLine::lineNo).toArray(Integer[]::new)),
                new Array("varchar", lines.stream().map(ShippedTransferLine::sku).toArray(String[]::new)),
                new Array("integer", lines.stream().map(ShippedTransferLine::quantity).toArray(Integer[]::new)),
                new Array("numeric", lines.stream().map(l -> l.unitCost().amount()).toArray(BigDecimal[]::new))));
    }

    @EventHandler
    void on(TransferReceived event) {
        List<ReceivedTransferLine> lines = event.lines();
        writes.apply(new Statement(TRANSIT_RECEIVED,
                new Array("integer", lines.stream().map(ReceivedTransferLine::lineNo).toArray(Integer[]::new)),
                new Array("integer", lines.stream().map(ReceivedTransferLine::receivedAfter).toArray(Integer[]::new)),
                event.transferId()));
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
        Statement posting = entry.lines().isEmpty() ? null : posting(message, occurredAt, entry);
        if (posting != null && stockValue != null) {
            writes.apply(posting, stockValue);
        } else if (posting != null) {
            writes.apply(posting);
        } else if (stockValue != null) {
            writes.apply(stockValue);
        }
    }

    private Statement posting(EventMessage<?> message, Instant occurredAt, JournalEntry entry) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("event " + message.getIdentifier() + " has no aggregate; the ledger "
                    + "posts only aggregate events");
        }
        List<JournalLine> lines = entry.lines();
        Integer[] lineNos = new Integer[lines.size()];
        String[] accounts = new String[lines.size()];
        BigDecimal[] debits = new BigDecimal[lines.size()];
        BigDecimal[] credits = new BigDecimal[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineNos[i] = i + 1;
            accounts[i] = lines.get(i).accountCode();
            debits[i] = lines.get(i).debit();
            credits[i] = lines.get(i).credit();
        }
        Object actor = message.getMetaData().get(ActorCorrelationData.USER);
        return new Statement(POST, message.getIdentifier(), globalIndex(message),
                message.getPayloadType().getSimpleName(), domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), LocalDate.ofInstant(occurredAt, ZoneOffset.UTC),
                Columns.utc(occurredAt), text(actor == null ? null : actor.toString()), chart.companyCurrency(),
                entry.description(), text(entry.orderId()), text(entry.sku()), text(entry.warehouseId()),
                text(entry.reference()), new Array("integer", lineNos), new Array("varchar", accounts),
                new Array("numeric", debits), new Array("numeric", credits));
    }

    private static Statement stockValue(StockItemEvent event, long seq) {
        StockValue after = PostingRules.valueAfter(event);
        return new Statement(STOCK_VALUE, event.stockItemId(), event.sku(), event.warehouseId(), after.onHand(),
                after.unitCost(), seq);
    }

    private static long sequence(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getSequenceNumber();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " has no aggregate sequence number");
    }

    private static long globalIndex(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent()) {
            return tracked.trackingToken().position().getAsLong();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " has no position in the stream");
    }

    private static Object text(String value) {
        return value == null ? new Null(Types.VARCHAR) : value;
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
