package com.omniops.command.refund.reject;

import com.omniops.command.order.Order;
import com.omniops.command.order.refund.RecordEarmarkRelease;
import com.omniops.command.refund.Refund;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundWithOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import static com.omniops.command.order.SameTransaction.execute;

/** Rejects a refund that was not paid out and releases its order's earmark, in one unit of work. */
@Component
public class RefundRejection {

    private final Repository<Refund> refunds;
    private final Repository<Order> orders;

    public RefundRejection(Repository<Refund> refunds, Repository<Order> orders) {
        this.refunds = refunds;
        this.orders = orders;
    }

    @CommandHandler
    public RefundResult handle(RejectRefund command) {
        RefundWithOrder loaded = RefundWithOrder.load(refunds, orders, command.refundId());
        RefundResult result = execute(loaded.refund(), new RecordRefundRejection(command.refundId(),
                command.reason(), command.rejectedBy()));
        execute(loaded.order(), new RecordEarmarkRelease(result.orderId(), command.refundId(), command.reason()));
        return result;
    }
}
