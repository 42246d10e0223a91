package com.omniops.command.stock.adjust;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Adjustments change on-hand units with a reason, never below what is reserved. */
class AdjustStockTest {

    private static final String ID = "WH-A:SKU-1";
    private static final String ORDER = "order-1";

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems());
    }

    private static StockReceived received(int quantity, String cost, String averageAfter, int onHandAfter) {
        return new StockReceived(ID, "SKU-1", "WH-A", quantity, Money.of(cost, "EUR"), ReceiptSource.PURCHASE_ORDER,
                "PO-1", Money.of(averageAfter, "EUR"), onHandAfter, 0, NOW);
    }

    private static StockReserved reserved(int quantity, int reservedAfter) {
        return new StockReserved(ID, "SKU-1", "WH-A", ORDER, 1, quantity, 5, reservedAfter, NOW);
    }

    @Test
    void givenThreeReservedOfFive_whenAdjustingDownByThree_thenRejectedBecauseReservationsWouldBreak() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new AdjustStock(ID, -3, AdjustmentReason.DAMAGED, "water damage"))
                .expectException(violation(ErrorCode.ADJUSTMENT_BELOW_RESERVED));
    }

    @Test
    void givenFiveOnHand_whenAdjustingDownByTwo_thenAdjustedAtAverageCost() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new AdjustStock(ID, -2, AdjustmentReason.DAMAGED, "water damage"))
                .expectEvents(new StockAdjusted(ID, "SKU-1", "WH-A", -2, AdjustmentReason.DAMAGED, "water damage",
                        Money.of("10.0000", "EUR"), 3, 0, NOW));
    }

    @Test
    void givenStock_whenAdjustingByZeroOrWithoutReason_thenRejected() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new AdjustStock(ID, 0, AdjustmentReason.FOUND, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new AdjustStock(ID, 1, null, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
