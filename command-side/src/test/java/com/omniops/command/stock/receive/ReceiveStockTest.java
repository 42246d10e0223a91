package com.omniops.command.stock.receive;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.received;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Receipts create a stock item or add to it, revaluing its moving-average cost. */
class ReceiveStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    private static ReceiveStock receive(int quantity, String cost, String currency) {
        return new ReceiveStock(ID, "WH-A", "SKU-1", quantity, Money.of(cost, currency), ReceiptSource.PURCHASE_ORDER,
                "PO-1");
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
}
