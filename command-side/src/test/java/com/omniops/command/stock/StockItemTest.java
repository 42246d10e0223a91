package com.omniops.command.stock;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.issue.IssueStock;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.command.stock.release.ReleaseReservation;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class StockItemTest {

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

    private static ReceiveStock receive(int quantity, String cost, String currency) {
        return new ReceiveStock(ID, "WH-A", "SKU-1", quantity, Money.of(cost, currency), ReceiptSource.PURCHASE_ORDER,
                "PO-1");
    }

    private static StockReserved reserved(int quantity, int reservedAfter) {
        return new StockReserved(ID, "SKU-1", "WH-A", ORDER, 1, quantity, 5, reservedAfter, NOW);
    }

    @Test
    void givenNothing_whenReceiving_thenStockReceivedAtItsCost() {
        fixture.givenNoPriorActivity()
                .when(receive(5, "10.00", "EUR"))
                .expectEvents(received(5, "10.00", "10.0000", 5));
    }

    @Test
    void givenTenAtTen_whenReceivingFiveAtThirteen_thenAverageCostIsEleven() {
        fixture.given(received(10, "10.00", "10.0000", 10))
                .when(receive(5, "13.00", "EUR"))
                .expectEvents(new StockReceived(ID, "SKU-1", "WH-A", 5, Money.of("13.00", "EUR"),
                        ReceiptSource.PURCHASE_ORDER, "PO-1", Money.of("11.0000", "EUR"), 15, 0, NOW));
    }

    @Test
    void givenNothing_whenReceivingAtAUnitCostAboveTheMoneyBound_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(receive(1, "1000000000000", "EUR"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenTenAtTen_whenReceivingUnitsWorthMoreThanTheMoneyBoundInTotal_thenRejected() {
        fixture.given(received(10, "10.00", "10.0000", 10))
                .when(receive(2, "600000000000", "EUR"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenTenAtTen_whenReceivingAtTheBound_thenTheAverageStaysWithinIt() {
        fixture.given(received(10, "10.00", "10.0000", 10))
                .when(receive(1, "999999999999.9999", "EUR"))
                .expectEvents(new StockReceived(ID, "SKU-1", "WH-A", 1, Money.of("999999999999.9999", "EUR"),
                        ReceiptSource.PURCHASE_ORDER, "PO-1", Money.of("90909090918.1818", "EUR"), 11, 0, NOW));
    }

    @Test
    void givenNothing_whenReceivingAtAUnitCostWithFiveDecimals_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(receive(1, "1.00001", "EUR"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenStockValuedInEur_whenReceivingInUsd_thenCurrencyMismatch() {
        fixture.given(received(10, "10.00", "10.0000", 10))
                .when(receive(5, "13.00", "USD"))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void givenNothing_whenReceivingAnUnknownSku_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock("WH-A:NOPE", "WH-A", "NOPE", 1, Money.of("1.00", "EUR"), ReceiptSource.OTHER,
                        null))
                .expectException(violation(ErrorCode.UNKNOWN_SKU));
    }

    @Test
    void givenNothing_whenReceivingZero_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(receive(0, "10.00", "EUR"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenFiveOnHand_whenReservingSix_thenReservationRejected() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReserveStock(ID, ORDER, 1, 6))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK))
                .expectNoEvents();
    }

    @Test
    void givenFiveOnHand_whenReservingFive_thenAllFiveReserved() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReserveStock(ID, ORDER, 1, 5))
                .expectEvents(reserved(5, 5));
    }

    @Test
    void givenThreeReservedForALine_whenReservingTheSameLineAgain_thenNothingChanges() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, ORDER, 1, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenThreeReservedForALine_whenReservingTheSameLineWithTwo_thenConflict() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, ORDER, 1, 2))
                .expectException(violation(ErrorCode.RESERVATION_CONFLICT));
    }

    @Test
    void givenThreeReservedForAnotherOrder_whenReservingThree_thenOnlyTwoAreAvailable() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, "order-2", 1, 3))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void givenAReservation_whenReleasing_thenTheWholeReservationIsReleased() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReleaseReservation(ID, ORDER, 1, "cancelled"))
                .expectEvents(new StockReservationReleased(ID, "SKU-1", "WH-A", ORDER, 1, 3, "cancelled", 5, 0,
                        NOW));
    }

    @Test
    void givenNoReservation_whenReleasing_thenNothingHappens() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReleaseReservation(ID, ORDER, 1, "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
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
