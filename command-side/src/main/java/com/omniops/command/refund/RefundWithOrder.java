package com.omniops.command.refund;

import com.omniops.command.order.Order;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import static com.omniops.command.order.SameTransaction.loadOrder;

/**
 * A refund and its order, loaded for a finance decision that changes both in one unit of work (an approval marks the
 * order's earmark approved, a rejection releases it, a payout turns it into refunded money). Lock order: the refund,
 * then its order. Requests lock an order and only create new refunds, so no two units of work can wait for each
 * other.
 */
public record RefundWithOrder(Aggregate<Refund> refund, Aggregate<Order> order) {

    public static RefundWithOrder load(Repository<Refund> refunds, Repository<Order> orders, String refundId) {
        Aggregate<Refund> refund;
        try {
            refund = refunds.load(refundId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND, "There is no refund " + refundId + ".");
        }
        return new RefundWithOrder(refund, loadOrder(orders, refund.invoke(Refund::orderId)));
    }
}
