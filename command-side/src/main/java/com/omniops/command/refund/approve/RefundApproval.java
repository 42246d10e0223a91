package com.omniops.command.refund.approve;

import com.omniops.command.order.Order;
import com.omniops.command.order.refund.RecordEarmarkApproval;
import com.omniops.command.refund.Refund;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundWithOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import static com.omniops.command.order.SameTransaction.execute;

/** Approves a requested refund and marks its order's earmark approved, in one unit of work. */
@Component
public class RefundApproval {

    private final Repository<Refund> refunds;
    private final Repository<Order> orders;

    public RefundApproval(Repository<Refund> refunds, Repository<Order> orders) {
        this.refunds = refunds;
        this.orders = orders;
    }

    @CommandHandler
    public RefundResult handle(ApproveRefund command) {
        RefundWithOrder loaded = RefundWithOrder.load(refunds, orders, command.refundId());
        RefundResult result = execute(loaded.refund(), new RecordRefundApproval(command.refundId(),
                command.approvedBy()));
        execute(loaded.order(), new RecordEarmarkApproval(result.orderId(), command.refundId()));
        return result;
    }
}
