package com.omniops.command.stock.returns;

import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.events.stock.ReturnDisposition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.fiveOnHand;
import static com.omniops.command.stock.StockItemFixture.returned;

/** A returned unit goes back on hand as its inspection disposes: for resale, quarantined, to refurbishment, or
 * written off. */
class ReturnToStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    private static ReturnToStock returnOf(int quantity, ReturnDisposition disposition) {
        return new ReturnToStock(ID, "order-1", "RMA-1", 1, quantity, disposition);
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
