package com.omniops.command.stock.issue;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Shipping issues reserved units at the moving-average cost. */
class IssueStockTest {

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
