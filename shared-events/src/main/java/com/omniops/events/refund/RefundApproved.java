package com.omniops.events.refund;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The refund may be paid out. {@code automatic} is true when the auto-approval policy approved it (it follows an
 * inspected return and is within the limit); {@code approvedBy} then names the policy, otherwise the finance user.
 */
@Revision("1")
public record RefundApproved(String refundId, String orderId, Money amount, boolean automatic, String approvedBy,
                             Instant approvedAt) implements RefundEvent {
}
