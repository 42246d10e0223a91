package com.omniops.command.stock.returns;

import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItems;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReturned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/** A returned unit goes back on hand as its inspection disposes: for resale, quarantined, to refurbishment, or
 * written off. */
class ReturnToStockTest {

    private static final String ID = "WH-A:SKU-1";
    private static final Money COST = Money.of("10.0000", "EUR");

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems());
    }

    private static StockReceived fiveOnHand() {
        return new StockReceived(ID, "SKU-1", "WH-A", 5, Money.of("10.00", "EUR"), ReceiptSource.PURCHASE_ORDER,
                "PO-1", COST, 5, 0, NOW);
    }

    private static ReturnToStock returnOf(int quantity, ReturnDisposition disposition) {
        return new ReturnToStock(ID, "order-1", "RMA-1", 1, quantity, disposition);
    }

    private static StockReturned returned(int quantity, ReturnDisposition disposition, int onHand, int quarantine,
                                          int refurbishment) {
        return new StockReturned(ID, "SKU-1", "WH-A", "order-1", "RMA-1", 1, quantity, disposition, COST, onHand, 0,
                quarantine, refurbishment, NOW);
    }

    @Test
    void givenFiveOnHand_whenTwoAreReturnedForResale_thenSevenOnHandAndAllAvailable() {
        fixture.given(fiveOnHand())
                .when(returnOf(2, ReturnDisposition.RESALE))
                .expectEvents(returned(2, ReturnDisposition.RESALE, 7, 0, 0));
    }

    @Test
    void givenFiveOnHand_whenTwoAreQuarantined_thenSevenOnHandOfWhichTwoHeld() {
        fixture.given(fiveOnHand())
                .when(returnOf(2, ReturnDisposition.QUARANTINE))
                .expectEvents(returned(2, ReturnDisposition.QUARANTINE, 7, 2, 0));
    }

    @Test
    void givenFiveOnHand_whenTwoGoToRefurbishment_thenSevenOnHandOfWhichTwoHeld() {
        fixture.given(fiveOnHand())
                .when(returnOf(2, ReturnDisposition.REFURBISH))
                .expectEvents(returned(2, ReturnDisposition.REFURBISH, 7, 0, 2));
    }

    @Test
    void givenFiveOnHand_whenTwoAreWrittenOff_thenOnHandIsUnchangedAndTheValueIsRecorded() {
        fixture.given(fiveOnHand())
                .when(returnOf(2, ReturnDisposition.WRITE_OFF))
                .expectEvents(returned(2, ReturnDisposition.WRITE_OFF, 5, 0, 0));
    }
}
