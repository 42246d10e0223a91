package com.omniops.projections.ledger;

import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferShipped;
import com.omniops.projections.ledger.PostingRules.StockValue;
import com.omniops.projections.support.Columns;
import com.omniops.projections.support.ProjectionWrites.Array;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import com.omniops.support.audit.ActorCorrelationData;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * What the ledger projector writes, as statements a processor batch can queue ({@link
 * com.omniops.projections.support.ProjectionWrites}): each one a constant SQL text, guarded in SQL so that applying
 * an event twice changes nothing, with variable-length data as arrays.
 */
final class LedgerStatements {

    /**
     * The entry, and only if it is new its lines (arrays: line numbers, accounts, debits, credits) and their addition
     * to the daily totals and, for the lines of an order (placed before: its PLACED is flushed first), to its
     * channel's daily totals (the margins' fast path). Binds: the entry's 18 columns, then the six arrays (the fifth: each line's SKU, the sixth
     * its order).
     */
    static final String POST = """
            WITH entry AS (
                INSERT INTO ledger_entry (entry_id, global_index, event_type, aggregate_type, aggregate_id,
                                          aggregate_sequence, business_date, occurred_at, actor, currency, description,
                                          order_id, sku, warehouse_id, reference, original_currency, exchange_rate,
                                          original_business_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id) DO NOTHING
                RETURNING entry_id, business_date, global_index),
            lines AS (
                INSERT INTO ledger_line (entry_id, line_no, account_code, debit, credit, business_date, global_index,
                                         sku, order_id)
                SELECT entry.entry_id, l.line_no, l.account_code, l.debit, l.credit, entry.business_date,
                       entry.global_index, l.sku, l.order_id
                FROM entry, unnest(?::int[], ?::varchar[], ?::numeric[], ?::numeric[], ?::varchar[], ?::varchar[])
                    AS l(line_no, account_code, debit, credit, sku, order_id)
                RETURNING account_code, business_date, debit, credit, order_id),
            daily AS (
                INSERT INTO ledger_balance_daily (account_code, business_date, debit, credit)
                SELECT account_code, business_date, sum(debit), sum(credit) FROM lines
                GROUP BY account_code, business_date
                ON CONFLICT (account_code, business_date) DO UPDATE
                SET debit = ledger_balance_daily.debit + excluded.debit,
                    credit = ledger_balance_daily.credit + excluded.credit)
            INSERT INTO ledger_margin_daily (channel_id, business_date, account_code, debit, credit)
            SELECT o.channel_id, lines.business_date, lines.account_code, sum(lines.debit), sum(lines.credit)
            FROM lines JOIN ledger_order o ON o.order_id = lines.order_id
            GROUP BY o.channel_id, lines.business_date, lines.account_code
            ON CONFLICT (channel_id, business_date, account_code) DO UPDATE
            SET debit = ledger_margin_daily.debit + excluded.debit,
                credit = ledger_margin_daily.credit + excluded.credit""";

    /** The stock item's on-hand and average cost after its event. Binds: item, SKU, warehouse, on hand, cost, seq. */
    static final String STOCK_VALUE = """
            INSERT INTO ledger_stock_item (stock_item_id, sku, warehouse_id, on_hand, unit_cost, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (stock_item_id) DO UPDATE
            SET on_hand = excluded.on_hand, unit_cost = excluded.unit_cost, last_sequence = excluded.last_sequence
            WHERE ledger_stock_item.last_sequence < excluded.last_sequence""";

    /** A shipped transfer's lines (arrays: line numbers, SKUs, quantities, unit costs); once. Binds: id, arrays. */
    static final String TRANSIT_SHIPPED = """
            INSERT INTO ledger_transit_line (transfer_id, line_no, sku, shipped, received, unit_cost)
            SELECT ?, l.line_no, l.sku, l.quantity, 0, l.unit_cost
            FROM unnest(?::int[], ?::varchar[], ?::int[], ?::numeric[]) AS l(line_no, sku, quantity, unit_cost)
            ON CONFLICT (transfer_id, line_no) DO NOTHING""";

    /**
     * What the destination has received of each line so far, as the transfer states it (absolute, so applying a
     * receipt twice changes nothing). Binds: arrays (line numbers, received after), transfer id.
     */
    static final String TRANSIT_RECEIVED = """
            UPDATE ledger_transit_line t SET received = GREATEST(t.received, r.received_after)
            FROM unnest(?::int[], ?::int[]) AS r(line_no, received_after)
            WHERE t.transfer_id = ? AND t.line_no = r.line_no""";

    /** A month closed or reopened. Binds: period, closed. */
    static final String PERIOD = """
            INSERT INTO ledger_period (period, closed) VALUES (?, ?)
            ON CONFLICT (period) DO UPDATE SET closed = excluded.closed""";

    private LedgerStatements() {
    }

    /**
     * The entry an event posts, with its lines, and their addition to the daily totals ({@link #POST}); the entry
     * carries what the event was (id, global index, type, aggregate, business date, actor). {@code businessDate} is
     * the event's own UTC date unless that month is closed ({@link LedgerPeriods}): then the entry keeps its own date
     * as {@code original_business_date}.
     */
    static Statement posting(EventMessage<?> message, Instant occurredAt, LocalDate businessDate, JournalEntry entry,
                             String currency) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("event " + message.getIdentifier() + " has no aggregate; the ledger "
                    + "posts only aggregate events");
        }
        List<JournalLine> lines = entry.lines();
        Integer[] lineNos = new Integer[lines.size()];
        String[] accounts = new String[lines.size()];
        BigDecimal[] debits = new BigDecimal[lines.size()];
        BigDecimal[] credits = new BigDecimal[lines.size()];
        String[] skus = new String[lines.size()];
        String[] orders = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineNos[i] = i + 1;
            accounts[i] = lines.get(i).accountCode();
            debits[i] = lines.get(i).debit();
            credits[i] = lines.get(i).credit();
            skus[i] = lines.get(i).sku() != null ? lines.get(i).sku() : entry.sku();
            orders[i] = lines.get(i).orderId() != null ? lines.get(i).orderId() : entry.orderId();
        }
        Object actor = message.getMetaData().get(ActorCorrelationData.USER);
        return new Statement(POST, message.getIdentifier(), Columns.globalIndex(message),
                message.getPayloadType().getSimpleName(), domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), businessDate, Columns.utc(occurredAt), text(actor == null ? null : actor.toString()), currency,
                entry.description(), text(entry.orderId()), text(entry.sku()), text(entry.warehouseId()),
                text(entry.reference()),
                entry.conversion() == null ? new Null(Types.CHAR) : entry.conversion().currency(),
                entry.conversion() == null ? new Null(Types.NUMERIC) : entry.conversion().rate(),
                businessDate.equals(LocalDate.ofInstant(occurredAt, ZoneOffset.UTC)) ? new Null(Types.DATE)
                        : LocalDate.ofInstant(occurredAt, ZoneOffset.UTC),
                new Array("integer", lineNos), new Array("varchar", accounts),
                new Array("numeric", debits), new Array("numeric", credits), new Array("varchar", skus),
                new Array("varchar", orders));
    }

    /** The stock item's on hand and average cost after one of its value-changing events. */
    static Statement stockValue(StockItemEvent event, long seq) {
        StockValue after = PostingRules.valueAfter(event);
        return new Statement(STOCK_VALUE, event.stockItemId(), event.sku(), event.warehouseId(), after.onHand(),
                after.unitCost(), seq);
    }

    /** A shipped transfer's lines, at {@code unitCosts} (in the company currency, in line order). */
    static Statement transitShipped(TransferShipped event, List<BigDecimal> unitCosts) {
        List<ShippedTransferLine> lines = event.lines();
        return new Statement(TRANSIT_SHIPPED, event.transferId(),
                new Array("integer", lines.stream().map(ShippedTransferLine::lineNo).toArray(Integer[]::new)),
                new Array("varchar", lines.stream().map(ShippedTransferLine::sku).toArray(String[]::new)),
                new Array("integer", lines.stream().map(ShippedTransferLine::quantity).toArray(Integer[]::new)),
                new Array("numeric", unitCosts.toArray(BigDecimal[]::new)));
    }

    /** What the destination has received of each line of a transfer so far. */
    static Statement transitReceived(TransferReceived event) {
        List<ReceivedTransferLine> lines = event.lines();
        return new Statement(TRANSIT_RECEIVED,
                new Array("integer", lines.stream().map(ReceivedTransferLine::lineNo).toArray(Integer[]::new)),
                new Array("integer", lines.stream().map(ReceivedTransferLine::receivedAfter).toArray(Integer[]::new)),
                event.transferId());
    }

    private static Object text(String value) {
        return value == null ? new Null(Types.VARCHAR) : value;
    }
}
