package com.omniops.command.refund.issue;

import com.omniops.command.order.Order;
import com.omniops.command.order.refund.RecordRefundSettlement;
import com.omniops.command.refund.Refund;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundStatus;
import com.omniops.command.refund.RefundWithOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Records the outcome of a payout (or of its retry). A paid-out refund turns its order's earmark into refunded money
 * in the same unit of work; a failed one leaves the earmark, so the money stays set aside for the retry.
 */
@Component
public class RefundPayout {

    private final Repository<Refund> refunds;
    private final Repository<Order> orders;

    public RefundPayout(Repository<Refund> refunds, Repository<Order> orders) {
        this.refunds = refunds;
        this.orders = orders;
    }

    @CommandHandler
    public RefundResult handle(IssueRefund command) {
        RefundWithOrder loaded = RefundWithOrder.load(refunds, orders, command.refundId());
        RefundResult result = execute(loaded.refund(), new RecordRefundPayout(command.refundId(),
                command.paymentReference(), command.failureReason(), command.retry()));
        if (result.status() == RefundStatus.ISSUED) {
            execute(loaded.order(), new RecordRefundSettlement(result.orderId(), command.refundId(),
                    command.paymentReference()));
        }
        return result;
    }
}
