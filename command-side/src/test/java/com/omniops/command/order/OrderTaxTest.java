package com.omniops.command.order;

import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.OrderBalance;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.Money;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.PaymentCaptured;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/**
 * The order's total, which limits what may be captured (and so refunded), follows the one totals rule: on a gross
 * channel a line's tax is contained in its price, on a net channel it is added. Hand-computed: 16.00 gross at 20 %
 * is 13.33 net + 2.67 tax; 13.33 net + 2.67 tax is 16.00.
 */
class OrderTaxTest {

    private static final String ID = "order-tax";
    private static final List<LineAllocation> ALLOCATION = List.of(new LineAllocation(1, "SKU-1", "WH-A", 1));

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static OrderPlaced placed(boolean pricesIncludeTax, String unitPrice, String tax) {
        return new OrderPlaced(ID, "WEB", "W-1", "C-1", "EUR", pricesIncludeTax,
                List.of(new OrderLine(1, "SKU-1", 1, new BigDecimal(unitPrice), BigDecimal.ZERO, new BigDecimal(tax))),
                BigDecimal.ZERO, LocalDate.parse("2026-11-21"), ALLOCATION, List.of(), NOW);
    }

    private static Matcher<Object> orderTotal(String total) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object payload) {
                return payload instanceof OrderBalance balance
                        && balance.orderTotal().compareTo(new BigDecimal(total)) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an order balance with order total " + total);
            }
        };
    }

    private static CapturePayment capture(String paymentId, String amount) {
        return new CapturePayment(ID, paymentId, Money.of(amount, "EUR"), "ADYEN", "PSP-" + paymentId);
    }

    @Test
    void givenAGrossOrderOf16_whenCapturing16_thenCapturedAndTheTotalIs16NotTheTaxOnTop() {
        fixture.given(placed(true, "16.00", "2.67"))
                .when(capture("P1", "16.00"))
                .expectEvents(new PaymentCaptured(ID, "P1", Money.of("16.00", "EUR"), "ADYEN", "PSP-P1", NOW))
                .expectResultMessagePayloadMatching(orderTotal("16.00"));
    }

    @Test
    void givenAGrossOrderOf16_whenCapturingTheOldDoubleCountedTotal_thenRejected() {
        // 16.00 + 2.67 = 18.67 was the total when the contained tax was added on top
        fixture.given(placed(true, "16.00", "2.67"))
                .when(capture("P1", "16.01"))
                .expectException(violation(ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL));
    }

    @Test
    void givenANetOrderOf13_33PlusTax2_67_whenCapturing16_thenCapturedAndNotACentMore() {
        fixture.given(placed(false, "13.33", "2.67"))
                .when(capture("P1", "16.00"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(orderTotal("16.00"));
        fixture.given(placed(false, "13.33", "2.67"))
                .when(capture("P1", "16.01"))
                .expectException(violation(ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL));
    }

    @Test
    void whenRecordingAGrossPlacementWhoseTaxExceedsThePrice_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordOrderPlacement(ID, "WEB", "W-1", "C-1", "EUR", true,
                        List.of(new OrderLine(1, "SKU-1", 1, new BigDecimal("16.00"), new BigDecimal("1.00"),
                                new BigDecimal("15.01"))),
                        BigDecimal.ZERO, LocalDate.parse("2026-11-21"), ALLOCATION, List.of()))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void whenRecordingANetPlacement_thenTheSameFiguresAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RecordOrderPlacement(ID, "WEB", "W-1", "C-1", "EUR", false,
                        List.of(new OrderLine(1, "SKU-1", 1, new BigDecimal("16.00"), new BigDecimal("1.00"),
                                new BigDecimal("15.01"))),
                        BigDecimal.ZERO, LocalDate.parse("2026-11-21"), ALLOCATION, List.of()))
                .expectSuccessfulHandlerExecution();
    }
}
