package com.omniops.command.refund;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Money going back to a customer, separate from the order so that finance controls each step: requested (the order
 * earmarked the amount) → approved (by policy or by finance) → issued, or rejected. A failed payout stays approved
 * money and can be retried. Every step that moves money runs together with the order, in the slice that
 * decides it (request/RefundRequests, approve/RefundApproval, reject/RefundRejection, issue/RefundPayout).
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Refund {

    public static final String AUTO_APPROVER = "auto-approval policy";

    @AggregateIdentifier
    private String refundId;
    private String orderId;
    private Money amount;
    private RefundSource source;
    private String returnId;
    private RefundStatus status;
    private boolean automatic;
    private int attempts;
    private String paymentReference;
    private String lastFailure;

    protected Refund() {
    }

    @CommandHandler
    public Refund(RecordRefundRequest command, Clock clock) {
        require(command.amount() != null && command.amount().amount().signum() > 0, ErrorCode.VALIDATION_FAILED,
                "A refund amount must be positive.");
        require(command.source() != null, ErrorCode.VALIDATION_FAILED, "A refund needs a source.");
        apply(new RefundRequested(command.refundId(), command.orderId(), command.amount(), command.lines(),
                command.reason(), command.source(), command.returnId(), clock.instant()));
        if (command.approvedBy() != null) {
            apply(new RefundApproved(command.refundId(), command.orderId(), command.amount(), true,
                    command.approvedBy(), clock.instant()));
        }
    }

    @CommandHandler
    public RefundResult handle(RecordRefundApproval command, Clock clock) {
        require(status == RefundStatus.REQUESTED, ErrorCode.REFUND_NOT_PENDING,
                "Refund " + refundId + " is " + status + "; only a REQUESTED refund can be approved.");
        apply(new RefundApproved(refundId, orderId, amount, false, command.approvedBy(), clock.instant()));
        return result();
    }

    @CommandHandler
    public RefundResult handle(RecordRefundRejection command, Clock clock) {
        require(status != RefundStatus.ISSUED && status != RefundStatus.REJECTED, ErrorCode.REFUND_CLOSED,
                "Refund " + refundId + " is " + status + " and can no longer be rejected.");
        apply(new RefundRejected(refundId, orderId, amount, command.reason(), command.rejectedBy(), clock.instant()));
        return result();
    }

    @CommandHandler
    public RefundResult handle(RecordRefundPayout command, Clock clock) {
        if (command.retry()) {
            require(status == RefundStatus.FAILED, ErrorCode.REFUND_NOT_FAILED,
                    "Refund " + refundId + " is " + status + "; only a FAILED payout can be retried.");
        } else {
            require(status == RefundStatus.APPROVED, ErrorCode.REFUND_NOT_APPROVED,
                    "Refund " + refundId + " is " + status + "; only an APPROVED refund can be issued"
                            + (status == RefundStatus.FAILED ? " (retry the failed payout instead)." : "."));
        }
        require((command.paymentReference() == null) != (command.failureReason() == null),
                ErrorCode.VALIDATION_FAILED, "Give either the payment reference of the payout or why it failed.");
        if (command.paymentReference() != null) {
            apply(new RefundIssued(refundId, orderId, amount, command.paymentReference(), attempts + 1,
                    clock.instant()));
        } else {
            apply(new RefundIssueFailed(refundId, orderId, command.failureReason(), attempts + 1, clock.instant()));
        }
        return result();
    }

    public String orderId() {
        return orderId;
    }

    public RefundStatus status() {
        return status;
    }

    public RefundResult result() {
        return new RefundResult(refundId, orderId, status, amount.amount(), amount.currency(), source, returnId,
                automatic, attempts, paymentReference, lastFailure);
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refundId = event.refundId();
        orderId = event.orderId();
        amount = event.amount();
        source = event.source();
        returnId = event.returnId();
        status = RefundStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(RefundApproved event) {
        status = RefundStatus.APPROVED;
        automatic = event.automatic();
    }

    @EventSourcingHandler
    void on(RefundRejected event) {
        status = RefundStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(RefundIssued event) {
        status = RefundStatus.ISSUED;
        attempts = event.attempt();
        paymentReference = event.paymentReference();
    }

    @EventSourcingHandler
    void on(RefundIssueFailed event) {
        status = RefundStatus.FAILED;
        attempts = event.attempt();
        lastFailure = event.reason();
    }
}
