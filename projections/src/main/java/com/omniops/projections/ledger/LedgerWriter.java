package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_STOCK_ITEM;

import com.omniops.events.order.OrderShipped;
import com.omniops.projections.ledger.LedgerOrderStatements.BatchOrders;
import com.omniops.projections.ledger.OrderPostingRules.Posted;
import com.omniops.projections.ledger.PostingRules.StockValue;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;

/**
 * How {@link LedgerProjector} turns a posting into writes: an entry with the statements that go with it, an order
 * event from the order's state in the books (the batch's copy, else a read), a stock item's value before a receipt.
 */
final class LedgerWriter {

    private final DSLContext dsl;
    private final ProjectionWrites writes;
    private final ChartOfAccounts chart;

    LedgerWriter(DSLContext dsl, ProjectionWrites writes, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.writes = writes;
        this.chart = chart;
    }

    /** The stock item's value before an event at {@code seq}; null if the books have that event already. */
    StockValue valueBefore(String stockItemId, long seq) {
        var row = dsl.select(LEDGER_STOCK_ITEM.ON_HAND, LEDGER_STOCK_ITEM.UNIT_COST, LEDGER_STOCK_ITEM.LAST_SEQUENCE)
                .from(LEDGER_STOCK_ITEM).where(LEDGER_STOCK_ITEM.STOCK_ITEM_ID.eq(stockItemId)).fetchOne();
        if (row == null) {
            return StockValue.NONE;
        }
        return row.value3() >= seq ? null : new StockValue(row.value1(), row.value2());
    }

    /**
     * An order event's entry, from the order's state in the books, and the state after it; nothing if the order's
     * state has the event already.
     */
    void postForOrder(String orderId, EventMessage<?> message, Instant occurredAt,
                              Function<OrderBooks, Posted> rule) {
        BatchOrders known = batchOrders();
        Optional<OrderBooks> state = known == null ? null : Optional.ofNullable(known.orders().get(orderId));
        if (state == null || state.isEmpty()) {
            AtomicReference<Optional<OrderBooks>> read = new AtomicReference<>();
            writes.now(() -> read.set(LedgerOrderStatements.read(dsl, orderId)));
            if (read.get() == null) {
                return; // the batch failed and is retried event by event
            }
            state = read.get();
        }
        OrderBooks before = state.orElseThrow(() -> new IllegalStateException("order " + orderId + " is not "
                + "in the books: its OrderPlaced was not applied (event " + message.getIdentifier() + ")"));
        if (before.lastSequence() >= sequence(message)) {
            return; // applied already
        }
        Posted posted = rule.apply(before);
        post(message, occurredAt, posted.entry(), LedgerOrderStatements.orderState(posted.after(),
                message.getPayload() instanceof OrderShipped).toArray(Statement[]::new));
        if (known != null) {
            known.orders().put(orderId, posted.after());
        }
    }

    /**
     * The orders of the current processor batch, read once per batch for all its events; null event by event. Its
     * copy of an order is what the books will hold once the batch's statements are flushed.
     */
    BatchOrders batchOrders() {
        return writes.batchState("ledger-orders", batch -> LedgerOrderStatements.load(dsl, batch));
    }

    /**
     * The months closed as of the current event: the batch's copy (read once per batch, then kept up to date by the
     * batch's own period events), else read now; null when the batch failed.
     */
    LedgerPeriods periods() {
        LedgerPeriods batch = writes.batchState("ledger-periods", messages -> LedgerPeriods.load(dsl));
        if (batch != null) {
            return batch;
        }
        AtomicReference<LedgerPeriods> read = new AtomicReference<>();
        writes.now(() -> read.set(LedgerPeriods.load(dsl)));
        return read.get();
    }

    /** The entry (if it has lines) and the statements that go with it, applied together. */
    void post(EventMessage<?> message, Instant occurredAt, JournalEntry entry, Statement... with) {
        List<Statement> statements = new ArrayList<>();
        if (!entry.lines().isEmpty()) {
            LedgerPeriods periods = periods();
            if (periods == null) {
                return; // the batch failed and is retried event by event
            }
            LocalDate booked = periods.bookingDate(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC));
            statements.add(LedgerStatements.posting(message, occurredAt, booked, entry, chart.companyCurrency()));
        }
        statements.addAll(List.of(with));
        if (!statements.isEmpty()) {
            writes.apply(statements);
        }
    }

    static long sequence(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain.getSequenceNumber();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " has no aggregate sequence number");
    }
}
