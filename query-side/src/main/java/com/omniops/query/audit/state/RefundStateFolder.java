package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundEvent;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.refund.RefundSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Refund: requested → approved (by whom, automatically or not) → issued, failed (each attempt) or rejected. */
@Component
public class RefundStateFolder implements AuditStateFolder<RefundStateFolder.RefundState, RefundEvent> {

    @Override
    public String aggregateType() {
        return "Refund";
    }

    @Override
    public RefundState initial(String aggregateId) {
        return new RefundState(aggregateId);
    }

    @Override
    public Class<RefundEvent> events() {
        return RefundEvent.class;
    }

    @Override
    public void fold(RefundState s, RefundEvent event) {
        switch (event) {
            case RefundRequested e -> {
                s.status = "REQUESTED";
                s.orderId = e.orderId();
                s.amount = e.amount();
                s.lines = e.lines();
                s.reason = e.reason();
                s.source = e.source();
                s.returnId = e.returnId();
                s.requestedAt = e.requestedAt();
            }
            case RefundApproved e -> {
                s.status = "APPROVED";
                s.automatic = e.automatic();
                s.approvedBy = e.approvedBy();
                s.decidedAt = e.approvedAt();
            }
            case RefundRejected e -> {
                s.status = "REJECTED";
                s.rejectedBy = e.rejectedBy();
                s.rejectionReason = e.reason();
                s.decidedAt = e.rejectedAt();
            }
            case RefundIssued e -> {
                s.status = "ISSUED";
                s.paymentReference = e.paymentReference();
                s.attempts = Math.max(s.attempts, e.attempt());
                s.issuedAt = e.issuedAt();
            }
            case RefundIssueFailed e -> {
                s.status = "FAILED";
                s.attempts = Math.max(s.attempts, e.attempt());
                s.failures.add(new Failure(e.attempt(), e.reason(), e.failedAt()));
            }
        }
    }

    public record Failure(int attempt, String reason, Instant failedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class RefundState {
        private final String refundId;
        private String status;
        private String orderId;
        private Money amount;
        private List<RefundLine> lines = List.of();
        private String reason;
        private RefundSource source;
        private String returnId;
        private Instant requestedAt;
        private boolean automatic;
        private String approvedBy;
        private String rejectedBy;
        private String rejectionReason;
        private Instant decidedAt;
        private String paymentReference;
        private int attempts;
        private Instant issuedAt;
        private final List<Failure> failures = new ArrayList<>();

        RefundState(String refundId) {
            this.refundId = refundId;
        }

        public String status() {
            return status;
        }
    }
}
