package com.omniops.command.stock.hold;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.COST;
import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.fiveOnHand;
import static com.omniops.command.stock.StockItemFixture.returned;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Held units (quarantine, refurbishment) are on hand but not sellable until released or written off. */
class HeldStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    @Test
    void givenTwoQuarantinedOfSeven_whenReservingSix_thenRejectedBecauseOnlyFiveAreSellable() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.QUARANTINE, 7, 2, 0))
                .when(new ReserveStock(ID, "order-2", 1, 6))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void givenTwoQuarantinedAndOneRefurbishingOfEight_whenReservingFive_thenReserved() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.QUARANTINE, 7, 2, 0),
                        returned(1, ReturnDisposition.REFURBISH, 8, 2, 1))
                .when(new ReserveStock(ID, "order-2", 1, 5))
                .expectEvents(new StockReserved(ID, "SKU-1", "WH-A", "order-2", 1, 5, 8, 5, NOW));
    }

    @Test
    void givenFiveReservedAndTwoHeldOfSeven_whenAdjustingDownByOne_thenRejectedBecauseTheInvariantWouldBreak() {
        fixture.given(fiveOnHand(), new StockReserved(ID, "SKU-1", "WH-A", "order-2", 1, 5, 5, 5, NOW),
                        new StockReturned(ID, "SKU-1", "WH-A", "order-1", "RMA-1", 1, 2, ReturnDisposition.REFURBISH,
                                COST, 7, 5, 0, 2, NOW))
                .when(new AdjustStock(ID, -1, AdjustmentReason.LOST, null))
                .expectException(violation(ErrorCode.ADJUSTMENT_BELOW_RESERVED));
    }

    @Test
    void givenTwoInRefurbishment_whenReleasingOne_thenOneHeldAndOnHandUnchanged() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.REFURBISH, 7, 0, 2))
                .when(new ReleaseHeldStock(ID, StockHold.REFURBISHMENT, 1, "repacked"))
                .expectEvents(new StockReleasedFromHold(ID, "SKU-1", "WH-A", StockHold.REFURBISHMENT, 1, "repacked",
                        7, 0, 0, 1, NOW));
    }

    @Test
    void givenTwoInRefurbishment_whenWritingOffTwo_thenTheyLeaveOnHandAtTheirCost() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.REFURBISH, 7, 0, 2))
                .when(new WriteOffHeldStock(ID, StockHold.REFURBISHMENT, 2, "beyond repair"))
                .expectEvents(new HeldStockWrittenOff(ID, "SKU-1", "WH-A", StockHold.REFURBISHMENT, 2,
                        "beyond repair", COST, 5, 0, 0, 0, NOW));
    }

    @Test
    void givenTwoInRefurbishment_whenReleasingThree_thenRejected() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.REFURBISH, 7, 0, 2))
                .when(new ReleaseHeldStock(ID, StockHold.REFURBISHMENT, 3, null))
                .expectException(violation(ErrorCode.HELD_STOCK_INSUFFICIENT));
    }

    @Test
    void givenTwoQuarantined_whenReleasingFromRefurbishment_thenRejectedBecauseNothingIsHeldThere() {
        fixture.given(fiveOnHand(), returned(2, ReturnDisposition.QUARANTINE, 7, 2, 0))
                .when(new ReleaseHeldStock(ID, StockHold.REFURBISHMENT, 1, null))
                .expectException(violation(ErrorCode.HELD_STOCK_INSUFFICIENT));
    }
}
