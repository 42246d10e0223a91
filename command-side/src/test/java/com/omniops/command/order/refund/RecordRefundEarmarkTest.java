package com.omniops.command.order.refund;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundSource;
import com.omniops.events.stock.ReturnDisposition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.omniops.command.order.OrderFixtures.ID;
import static com.omniops.command.order.OrderFixtures.delivered;
import static com.omniops.command.order.OrderFixtures.eur;
import static com.omniops.command.order.OrderFixtures.paid;
import static com.omniops.command.order.OrderFixtures.placed;
import static com.omniops.command.order.OrderFixtures.shipped;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Refund earmarks on the order: captured − refunded − earmarked never below zero. */
class RecordRefundEarmarkTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static RecordRefundEarmark goodwill(String refundId, String amount) {
        return new RecordRefundEarmark(ID, refundId, new BigDecimal(amount), "EUR", List.of(), RefundSource.GOODWILL, null);
    }

    private static OrderRefundEarmarked earmarked(String refundId, String amount) {
        return new OrderRefundEarmarked(ID, refundId, eur(amount), RefundSource.GOODWILL, null, NOW);
    }

    private static ReturnRequested returned() {
        return new ReturnRequested(ID, "RMA-1", List.of(new ReturnLine(1, "SKU-1", 2, ReturnReason.DEFECTIVE, null)),
                NOW);
    }

    private static ReturnReceived received() {
        return new ReturnReceived(ID, "RMA-1", "WH-A", NOW);
    }

    private static ReturnInspected inspected() {
        return new ReturnInspected(ID, "RMA-1", "WH-A", List.of(new InspectedLine(1, "SKU-1", 2,
                ItemCondition.DEFECTIVE, ReturnDisposition.REFURBISH)), NOW);
    }

    @Test
    void givenUnpaidOrder_whenRequestingARefund_thenRejectedAsNotPaid() {
        fixture.given(placed())
                .when(goodwill("R-1", "5.00"))
                .expectException(violation(ErrorCode.ORDER_NOT_PAID));
    }

    @Test
    void givenFortyPaid_whenRefundingFortyOne_thenRejectedAsAboveRefundable() {
        fixture.given(placed(), paid("40.00"))
                .when(goodwill("R-1", "40.01"))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_REFUNDABLE));
    }

    @Test
    void givenThirtyOfFortyEarmarked_whenRequestingFifteen_thenRejectedBecauseOnlyTenAreLeft() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "30.00"))
                .when(goodwill("R-2", "15.00"))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_REFUNDABLE));
    }

    @Test
    void givenThirtyRefundedOfForty_whenRequestingTen_thenEarmarked() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "30.00"),
                        new OrderRefundApproved(ID, "R-1", eur("30.00"), NOW),
                        new OrderRefunded(ID, "R-1", eur("30.00"), "PSP-R", NOW))
                .when(goodwill("R-2", "10.00"))
                .expectEvents(earmarked("R-2", "10.00"));
    }

    @Test
    void givenARejectedRefund_whenRequestingTheFullAmountAgain_thenTheReleasedEarmarkIsAvailable() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "40.00"),
                        new OrderRefundReleased(ID, "R-1", eur("40.00"), "no", NOW))
                .when(goodwill("R-2", "40.00"))
                .expectEvents(earmarked("R-2", "40.00"));
    }

    @Test
    void givenAnEarmark_whenApprovingTwice_thenTheSecondApprovalIsRejected() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "10.00"),
                        new OrderRefundApproved(ID, "R-1", eur("10.00"), NOW))
                .when(new RecordEarmarkApproval(ID, "R-1"))
                .expectException(violation(ErrorCode.REFUND_NOT_PENDING));
    }

    @Test
    void givenAnUnapprovedEarmark_whenSettling_thenRejected() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "10.00"))
                .when(new RecordRefundSettlement(ID, "R-1", "PSP-R"))
                .expectException(violation(ErrorCode.REFUND_NOT_APPROVED));
    }

    @Test
    void givenAnEarmark_whenReleasing_thenReleased() {
        fixture.given(placed(), paid("40.00"), earmarked("R-1", "10.00"))
                .when(new RecordEarmarkRelease(ID, "R-1", "duplicate"))
                .expectEvents(new OrderRefundReleased(ID, "R-1", eur("10.00"), "duplicate", NOW));
    }

    @Test
    void givenLines_whenRefunding_thenTheAmountIsWhatWasPaidForThoseUnits() {
        fixture.given(placed(), paid("45.95"))
                .when(new RecordRefundEarmark(ID, "R-1", null, null, List.of(new RecordRefundEarmark.Line(1, 1)),
                        RefundSource.GOODWILL, null))
                .expectEvents(earmarked("R-1", "12.00"))
                .expectResultMessagePayload(new RefundTerms(eur("12.00"),
                        List.of(new RefundLine(1, "SKU-1", 1, new BigDecimal("12.00"))), false));
    }

    @Test
    void givenAnInspectedReturn_whenRefundingIt_thenTheReturnValueIsEarmarkedAndMayBeAutoApproved() {
        fixture.given(placed(), shipped(), delivered(), paid("45.95"), returned(), received(), inspected())
                .when(new RecordRefundEarmark(ID, "R-1", null, null, List.of(), RefundSource.RETURN, "RMA-1"))
                .expectEvents(new OrderRefundEarmarked(ID, "R-1", eur("24.00"), RefundSource.RETURN, "RMA-1", NOW))
                .expectResultMessagePayload(new RefundTerms(eur("24.00"),
                        List.of(new RefundLine(1, "SKU-1", 2, new BigDecimal("24.00"))), true));
    }

    @Test
    void givenAReturnNotYetReceived_whenRefundingIt_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), paid("45.95"), returned())
                .when(new RecordRefundEarmark(ID, "R-1", null, null, List.of(), RefundSource.RETURN, "RMA-1"))
                .expectException(violation(ErrorCode.RETURN_NOT_RECEIVED));
    }

    @Test
    void givenAReturnWithARefund_whenRefundingItAgain_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), paid("45.95"), returned(), received(), inspected(),
                        new OrderRefundEarmarked(ID, "R-1", eur("24.00"), RefundSource.RETURN, "RMA-1", NOW))
                .when(new RecordRefundEarmark(ID, "R-2", null, null, List.of(), RefundSource.RETURN, "RMA-1"))
                .expectException(violation(ErrorCode.RETURN_ALREADY_REFUNDED));
    }
}
