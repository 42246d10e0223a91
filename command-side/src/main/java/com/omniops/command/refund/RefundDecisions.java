package com.omniops.command.refund;

import com.omniops.command.order.Order;
import com.omniops.command.order.refund.ApproveEarmarkedRefund;
import com.omniops.command.order.refund.ReleaseEarmarkedRefund;
import com.omniops.command.order.refund.SettleRefund;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/**
 * Approve, reject and pay out a refund together with its order's earmark, in one unit of work: an approval marks the
 * earmark approved, a rejection releases it, a payout turns it into refunded money (a failed payout leaves it).
 * Lock order: the refund, then its order. Requests lock an order and only create new refunds, so no two units of work
 * can wait for each other.
 */
@Component
public class RefundDecisions {

    private final Repository<Refund> refunds;
    private final Repository<Order> orders;

    public RefundDecisions(Repository<Refund> refunds, Repository<Order> orders) {
        this.refunds = refunds;
        this.orders = orders;
    }

    @CommandHandler
    public RefundResult handle(ApproveRefund command) {
        Aggregate<Refund> refund = load(command.refundId());
        Aggregate<Order> order = loadOrder(orders, refund.invoke(Refund::orderId));
        RefundResult result = execute(refund, new RecordRefundApproval(command.refundId(), command.approvedBy()));
        execute(order, new ApproveEarmarkedRefund(result.orderId(), command.refundId()));
        return result;
    }

    @CommandHandler
    public RefundResult handle(RejectRefund command) {
        Aggregate<Refund> refund = load(command.refundId());
        Aggregate<Order> order = loadOrder(orders, refund.invoke(Refund::orderId));
        RefundResult result = execute(refund, new RecordRefundRejection(command.refundId(), command.reason(),
                command.rejectedBy()));
        execute(order, new ReleaseEarmarkedRefund(result.orderId(), command.refundId(), command.reason()));
        return result;
    }

    @CommandHandler
    public RefundResult handle(IssueRefund command) {
        Aggregate<Refund> refund = load(command.refundId());
        Aggregate<Order> order = loadOrder(orders, refund.invoke(Refund::orderId));
        RefundResult result = execute(refund, new RecordRefundPayout(command.refundId(), command.paymentReference(),
                command.failureReason(), command.retry()));
        if (result.status() == RefundStatus.ISSUED) {
            execute(order, new SettleRefund(result.orderId(), command.refundId(), command.paymentReference()));
        }
        return result;
    }

    private Aggregate<Refund> load(String refundId) {
        try {
            return refunds.load(refundId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND, "There is no refund " + refundId + ".");
        }
    }
}
