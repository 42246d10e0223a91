package com.omniops.command.stock.adjust;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.StockAdjusted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.received;
import static com.omniops.command.stock.StockItemFixture.reserved;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Adjustments change on-hand units with a reason, never below what is reserved. */
class AdjustStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
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
