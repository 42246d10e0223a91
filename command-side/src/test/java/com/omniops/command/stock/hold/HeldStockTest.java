package com.omniops.command.stock.hold;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItems;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Held units (quarantine, refurbishment) are on hand but not sellable until released or written off. */
class HeldStockTest {

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

    private static StockReturned returned(int quantity, ReturnDisposition disposition, int onHand, int quarantine,
                                          int refurbishment) {
        return new StockReturned(ID, "SKU-1", "WH-A", "order-1", "RMA-1", 1, quantity, disposition, COST, onHand, 0,
                quarantine, refurbishment, NOW);
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
