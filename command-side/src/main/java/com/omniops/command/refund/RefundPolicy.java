package com.omniops.command.refund;

import com.omniops.command.order.refund.RefundTerms;
import com.omniops.command.config.RefundSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Auto-approval: a refund that follows an inspected return and is at most {@code omniops.refunds.auto-approve-limit}
 * (in the order's currency; default 100.00) is approved at once; every other refund waits for a finance user.
 */
@Component
public class RefundPolicy {

    private final BigDecimal autoApproveLimit;

    public RefundPolicy(RefundSettings settings) {
        this.autoApproveLimit = settings.autoApproveLimit();
    }

    public boolean approvesAutomatically(RefundTerms terms) {
        return terms.followsInspectedReturn() && terms.amount().amount().compareTo(autoApproveLimit) <= 0;
    }
}
