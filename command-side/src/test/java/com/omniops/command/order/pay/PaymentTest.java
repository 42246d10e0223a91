package com.omniops.command.order.pay;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.PaymentCaptured;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.order.OrderFixtures.ID;
import static com.omniops.command.order.OrderFixtures.eur;
import static com.omniops.command.order.OrderFixtures.paid;
import static com.omniops.command.order.OrderFixtures.placed;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Payments and fees: never more captured than the order total. */
class PaymentTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void givenPlaced_whenCapturingTheTotal_thenPaymentCaptured() {
        fixture.given(placed())
                .when(new CapturePayment(ID, "PAY-1", eur("45.95"), "ADYEN", "PSP-1"))
                .expectEvents(new PaymentCaptured(ID, "PAY-1", eur("45.95"), "ADYEN", "PSP-1", NOW));
    }

    @Test
    void givenPaidInFull_whenCapturingMore_thenRejectedAsAboveTheOrderTotal() {
        fixture.given(placed(), paid("45.95"))
                .when(new CapturePayment(ID, "PAY-2", eur("0.01"), "ADYEN", "PSP-2"))
                .expectException(violation(ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL));
    }

    @Test
    void givenAPayment_whenTheSameProviderReferenceArrivesAgain_thenRejectedAsDuplicate() {
        fixture.given(placed(), paid("10.00"))
                .when(new CapturePayment(ID, "PAY-2", eur("10.00"), "ADYEN", "PSP-1"))
                .expectException(violation(ErrorCode.PAYMENT_ALREADY_RECORDED));
    }

    @Test
    void givenAnEuroOrder_whenCapturingDollars_thenCurrencyMismatch() {
        fixture.given(placed())
                .when(new CapturePayment(ID, "PAY-1", Money.of("10.00", "USD"), "ADYEN", "PSP-1"))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void givenCancelled_whenCapturing_thenRejected() {
        fixture.given(placed(), new OrderCancelled(ID, "x", List.of(), NOW))
                .when(new CapturePayment(ID, "PAY-1", eur("10.00"), "ADYEN", "PSP-1"))
                .expectException(violation(ErrorCode.ORDER_ALREADY_CANCELLED));
    }

    @Test
    void givenPlaced_whenRecordingAMarketplaceFee_thenFeeRecorded() {
        fixture.given(placed())
                .when(new ChargeFee(ID, "FEE-1", FeeType.MARKETPLACE_COMMISSION, eur("6.89"), "15%"))
                .expectEvents(new OrderFeeRecorded(ID, "FEE-1", FeeType.MARKETPLACE_COMMISSION, eur("6.89"), "15%",
                        NOW));
    }
}
