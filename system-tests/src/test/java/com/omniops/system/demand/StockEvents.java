package com.omniops.system.demand;

import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.system.support.TestApps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Writes the events of one stock item straight into the shared event store, as the command side would, so a test can
 * give them business instants weeks in the past. Sequence numbers follow on from the previous append.
 */
final class StockEvents {

    private final String sku;
    private final String warehouseId;
    private final String stockItemId;
    private final List<Object> pending = new ArrayList<>();
    private long nextSequence;
    private int onHand;
    private int reserved;
    private int orders;

    StockEvents(String sku, String warehouseId) {
        this.sku = sku;
        this.warehouseId = warehouseId;
        this.stockItemId = warehouseId + ":" + sku;
    }

    String stockItemId() {
        return stockItemId;
    }

    StockEvents received(int quantity, Instant at) {
        onHand += quantity;
        pending.add(new StockReceived(stockItemId, sku, warehouseId, quantity, Money.of("2.50", "EUR"),
                ReceiptSource.OPENING_BALANCE, "OB", Money.of("2.50", "EUR"), onHand, reserved, at));
        return this;
    }

    StockEvents reserved(int quantity, Instant at) {
        reserved += quantity;
        pending.add(new StockReserved(stockItemId, sku, warehouseId, "ORD-" + (++orders), 1, quantity, onHand,
                reserved, at));
        return this;
    }

    /** Reserves and ships {@code quantity} units on {@code day} (at 09:00 and 15:00 UTC). */
    StockEvents shipped(int quantity, LocalDate day) {
        reserved(quantity, day.atTime(9, 0).toInstant(ZoneOffset.UTC));
        onHand -= quantity;
        reserved -= quantity;
        pending.add(new StockIssued(stockItemId, sku, warehouseId, "ORD-" + orders, 1, "SHP-" + orders, quantity,
                Money.of("2.50", "EUR"), onHand, reserved, day.atTime(15, 0).toInstant(ZoneOffset.UTC)));
        return this;
    }

    /** Appends everything recorded since the last call, in one transaction. */
    void append() {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : pending) {
            messages.add(new GenericDomainEventMessage<>("StockItem", stockItemId, nextSequence++, payload));
        }
        pending.clear();
        var querySide = TestApps.querySide();
        querySide.getBean(TransactionManager.class).executeInTransaction(
                () -> querySide.getBean(EventStore.class).publish(messages));
    }
}
