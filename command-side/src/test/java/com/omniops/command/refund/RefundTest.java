package com.omniops.command.refund;

import com.omniops.command.refund.approve.RecordRefundApproval;
import com.omniops.command.refund.issue.RecordRefundPayout;
import com.omniops.command.refund.reject.RecordRefundRejection;
import com.omniops.command.refund.request.RecordRefundRequest;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.Money;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.refund.RefundSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class RefundTest {

    private static final String ID = "refund-1";
    private static final String ORDER = "order-1";
    private static final Money AMOUNT = Money.of("24.00", "EUR");

    private AggregateTestFixture<Refund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Refund.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static RefundRequested requested() {
        return new RefundRequested(ID, ORDER, AMOUNT, List.of(), "damaged", RefundSource.RETURN, "RMA-1", NOW);
    }

    private static RefundApproved approved() {
        return new RefundApproved(ID, ORDER, AMOUNT, false, "finance.anna", NOW);
    }

    @Test
    void whenRequestedWithoutPolicyApproval_thenOnlyRequested() {
        fixture.givenNoPriorActivity()
                .when(new RecordRefundRequest(ID, ORDER, AMOUNT, List.of(), "damaged", RefundSource.RETURN, "RMA-1",
                        null))
                .expectEvents(requested());
    }

    @Test
    void whenRequestedWithPolicyApproval_thenRequestedAndAutomaticallyApproved() {
        fixture.givenNoPriorActivity()
                .when(new RecordRefundRequest(ID, ORDER, AMOUNT, List.of(), "damaged", RefundSource.RETURN, "RMA-1",
                        Refund.AUTO_APPROVER))
                .expectEvents(requested(), new RefundApproved(ID, ORDER, AMOUNT, true, Refund.AUTO_APPROVER, NOW));
    }

    @Test
    void givenRequested_whenFinanceApproves_thenApproved() {
        fixture.given(requested())
                .when(new RecordRefundApproval(ID, "finance.anna"))
                .expectEvents(approved());
    }

    @Test
    void givenApproved_whenApprovingTwice_thenRejected() {
        fixture.given(requested(), approved())
                .when(new RecordRefundApproval(ID, "finance.bob"))
                .expectException(violation(ErrorCode.REFUND_NOT_PENDING));
    }

    @Test
    void givenRequested_whenIssuingBeforeApproval_thenRejected() {
        fixture.given(requested())
                .when(new RecordRefundPayout(ID, "PSP-R", null, false))
                .expectException(violation(ErrorCode.REFUND_NOT_APPROVED));
    }

    @Test
    void givenApproved_whenThePayoutFails_thenFailedAndRetryingSucceedsOnTheSecondAttempt() {
        fixture.given(requested(), approved())
                .when(new RecordRefundPayout(ID, null, "card expired", false))
                .expectEvents(new RefundIssueFailed(ID, ORDER, "card expired", 1, NOW));
        fixture.given(requested(), approved(), new RefundIssueFailed(ID, ORDER, "card expired", 1, NOW))
                .when(new RecordRefundPayout(ID, "PSP-R", null, true))
                .expectEvents(new RefundIssued(ID, ORDER, AMOUNT, "PSP-R", 2, NOW));
    }

    @Test
    void givenFailed_whenIssuingWithoutRetry_thenRejected() {
        fixture.given(requested(), approved(), new RefundIssueFailed(ID, ORDER, "card expired", 1, NOW))
                .when(new RecordRefundPayout(ID, "PSP-R", null, false))
                .expectException(violation(ErrorCode.REFUND_NOT_APPROVED));
    }

    @Test
    void givenApproved_whenRetryingWithoutAFailure_thenRejected() {
        fixture.given(requested(), approved())
                .when(new RecordRefundPayout(ID, "PSP-R", null, true))
                .expectException(violation(ErrorCode.REFUND_NOT_FAILED));
    }

    @Test
    void givenApproved_whenThePayoutNamesBothReferenceAndFailure_thenRejected() {
        fixture.given(requested(), approved())
                .when(new RecordRefundPayout(ID, "PSP-R", "card expired", false))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenIssued_whenRejecting_thenRejectedAsClosed() {
        fixture.given(requested(), approved(), new RefundIssued(ID, ORDER, AMOUNT, "PSP-R", 1, NOW))
                .when(new RecordRefundRejection(ID, "too late", "finance.anna"))
                .expectException(violation(ErrorCode.REFUND_CLOSED));
    }

    @Test
    void givenFailed_whenRejecting_thenRejected() {
        fixture.given(requested(), approved(), new RefundIssueFailed(ID, ORDER, "account closed", 1, NOW))
                .when(new RecordRefundRejection(ID, "account closed", "finance.anna"))
                .expectEvents(new RefundRejected(ID, ORDER, AMOUNT, "account closed", "finance.anna", NOW));
    }
}
