package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.refund.RefundSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of an {@link OrderState} about money after the sale: payments, fees, returns and refund earmarks. */
final class OrderMoneyAndReturns {

    private OrderMoneyAndReturns() {
    }

    record Payment(String paymentId, Money amount, String provider, String reference, Instant capturedAt) {
    }

    record Fee(String feeId, FeeType type, Money amount, String description, Instant recordedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Return {
        final String returnId;
        final List<ReturnLine> lines;
        final Instant requestedAt;
        String status = "REQUESTED";
        String warehouseId;
        Instant receivedAt;
        Instant inspectedAt;
        final List<InspectedLine> inspected = new ArrayList<>();

        Return(String returnId, List<ReturnLine> lines, Instant requestedAt) {
            this.returnId = returnId;
            this.lines = List.copyOf(lines);
            this.requestedAt = requestedAt;
        }
    }

    /** A refund as the order sees it: money earmarked, then approved, released (rejected) or refunded. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Refund {
        final String refundId;
        final Money amount;
        final RefundSource source;
        final String returnId;
        final Instant earmarkedAt;
        String status = "EARMARKED";
        Instant approvedAt;
        Instant endedAt;
        String releaseReason;
        String paymentReference;

        Refund(String refundId, Money amount, RefundSource source, String returnId, Instant earmarkedAt) {
            this.refundId = refundId;
            this.amount = amount;
            this.source = source;
            this.returnId = returnId;
            this.earmarkedAt = earmarkedAt;
        }
    }
}
