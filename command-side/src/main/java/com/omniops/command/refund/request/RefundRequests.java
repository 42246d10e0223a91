package com.omniops.command.refund.request;

import com.omniops.command.order.Order;
import com.omniops.command.order.refund.RecordEarmarkApproval;
import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.command.order.refund.RefundTerms;
import com.omniops.command.refund.Refund;
import com.omniops.command.refund.RefundPolicy;
import com.omniops.command.refund.RefundResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/**
 * Requests a refund in one unit of work (ADR-1 style): the order, loaded and locked first, earmarks the amount —
 * refusing anything above captured − refunded − earmarked — and the Refund is created. Two parallel requests on one
 * order are serialised by the order's lock (and, across nodes, by its event sequence), so together they can never
 * exceed what was captured. Auto-approved refunds are approved on both in the same transaction.
 */
@Component
public class RefundRequests {

    private final Repository<Order> orders;
    private final Repository<Refund> refunds;
    private final RefundPolicy policy;
    private final Clock clock;

    public RefundRequests(Repository<Order> orders, Repository<Refund> refunds, RefundPolicy policy, Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.policy = policy;
        this.clock = clock;
    }

    @CommandHandler
    public RefundResult handle(RequestRefund command) {
        return request(loadOrder(orders, command.orderId()), command);
    }

    /** Runs in the caller's unit of work, on an order the caller loaded (e.g. a cancellation). */
    public RefundResult request(Aggregate<Order> order, RequestRefund command) {
        RefundTerms terms = execute(order, new RecordRefundEarmark(command.orderId(), command.refundId(), command.amount(),
                command.currency(), command.lines(), command.source(), command.returnId()));
        boolean automatic = policy.approvesAutomatically(terms);
        if (automatic) {
            execute(order, new RecordEarmarkApproval(command.orderId(), command.refundId()));
        }
        RecordRefundRequest record = new RecordRefundRequest(command.refundId(), command.orderId(), terms.amount(),
                terms.lines(), command.reason(), command.source(), command.returnId(),
                automatic ? Refund.AUTO_APPROVER : null);
        try {
            return refunds.newInstance(() -> new Refund(record, clock)).invoke(Refund::result);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
