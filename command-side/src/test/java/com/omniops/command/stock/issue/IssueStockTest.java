package com.omniops.command.stock.issue;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.events.Money;
import com.omniops.events.stock.StockIssued;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.ORDER;
import static com.omniops.command.stock.StockItemFixture.received;
import static com.omniops.command.stock.StockItemFixture.reserved;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Shipping issues reserved units at the moving-average cost. */
class IssueStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    @Test
    void givenThreeReserved_whenIssuingTwo_thenIssuedAtTheAverageCost() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new IssueStock(ID, ORDER, 1, "SHP-1", 2, null))
                .expectEvents(new StockIssued(ID, "SKU-1", "WH-A", ORDER, 1, "SHP-1", 2, Money.of("10.0000", "EUR"),
                        3, 1, NOW));
    }

    @Test
    void givenThreeReserved_whenIssuingFour_thenRejected() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new IssueStock(ID, ORDER, 1, "SHP-1", 4, null))
                .expectException(violation(ErrorCode.RESERVATION_MISSING));
    }

    @Test
    void givenIssuedPartly_whenIssuingTheRest_thenReservationIsFullyConsumed() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3),
                        new StockIssued(ID, "SKU-1", "WH-A", ORDER, 1, "SHP-1", 2, Money.of("10.0000", "EUR"), 3, 1,
                                NOW))
                .when(new IssueStock(ID, ORDER, 1, "SHP-2", 1, NOW.minusSeconds(86_400)))
                .expectEvents(new StockIssued(ID, "SKU-1", "WH-A", ORDER, 1, "SHP-2", 1, Money.of("10.0000", "EUR"),
                        2, 0, NOW.minusSeconds(86_400))); // a back-dated shipment issues on its own day
    }
}
