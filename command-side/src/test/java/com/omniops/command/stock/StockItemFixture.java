package com.omniops.command.stock;

import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import org.axonframework.test.aggregate.AggregateTestFixture;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/**
 * The stock item the stock slice tests work on (SKU-1 in WH-A) and the given events they build its history from: a
 * purchase-order receipt, a reservation for line 1 of order-1, a return of that line.
 */
public final class StockItemFixture {

    public static final String ID = "WH-A:SKU-1";
    public static final String ORDER = "order-1";
    /** The moving-average cost after {@link #fiveOnHand()}. */
    public static final Money COST = Money.of("10.0000", "EUR");

    private StockItemFixture() {
    }

    /** A fresh fixture per test that knows SKU-1 (and no stock item yet, so receipts may create one). */
    public static AggregateTestFixture<StockItem> create() {
        AggregateTestFixture<StockItem> fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems());
        return fixture;
    }

    public static StockReceived received(int quantity, String cost, String averageAfter, int onHandAfter) {
        return new StockReceived(ID, "SKU-1", "WH-A", quantity, Money.of(cost, "EUR"), ReceiptSource.PURCHASE_ORDER,
                "PO-1", Money.of(averageAfter, "EUR"), onHandAfter, 0, NOW);
    }

    public static StockReceived fiveOnHand() {
        return received(5, "10.00", "10.0000", 5);
    }

    /** Line 1 of {@link #ORDER} reserves {@code quantity} of five on hand. */
    public static StockReserved reserved(int quantity, int reservedAfter) {
        return new StockReserved(ID, "SKU-1", "WH-A", ORDER, 1, quantity, 5, reservedAfter, NOW);
    }

    /** Line 1 of {@link #ORDER} comes back under RMA-1 at {@link #COST}, nothing reserved. */
    public static StockReturned returned(int quantity, ReturnDisposition disposition, int onHand, int quarantine,
                                         int refurbishment) {
        return new StockReturned(ID, "SKU-1", "WH-A", ORDER, "RMA-1", 1, quantity, disposition, COST, onHand, 0,
                quarantine, refurbishment, NOW);
    }
}
