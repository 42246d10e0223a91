package com.omniops.command.demo;

import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.order.returns.InspectReturn;
import com.omniops.command.order.returns.ReceiveReturn;
import com.omniops.command.order.returns.RequestReturn;
import com.omniops.command.order.returns.ReturnResult;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundStatus;
import com.omniops.command.refund.approve.ApproveRefund;
import com.omniops.command.refund.issue.IssueRefund;
import com.omniops.command.refund.request.RequestRefund;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.stock.hold.ReleaseHeldStock;
import com.omniops.events.StreamIds;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.refund.RefundSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;
import com.omniops.support.security.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Money and goods coming back in the demo: refunds of cancelled paid orders, and returns with their refunds. */
final class DemoRefunds {

    private final DemoRun run;

    DemoRefunds(DemoRun run) {
        this.run = run;
    }

    /** A cancelled paid order's refund: finance approves it the next morning and it is paid out that afternoon. */
    void afterCancellation(Instant cancelAt, CancellationResult cancelled) {
        if (cancelled.refund() != null) {
            run.refunds++;
            String refundId = cancelled.refund().refundId();
            run.schedule(cancelAt.plus(Duration.ofHours(20)), 2_000_000L + run.refunds,
                    () -> run.as("finance", Role.FINANCE, () -> run.send(new ApproveRefund(refundId, "finance"))));
            run.schedule(cancelAt.plus(Duration.ofHours(30)), 2_000_000L + run.refunds,
                    () -> run.settlements.refunded(run.send(new IssueRefund(refundId, "RFD-"
                            + refundId.substring(0, 8), null, false))));
        }
    }

    /**
     * A customer sends units of one line back: received where they left from, inspected a day later (mostly back to
     * stock, some refurbished, quarantined or written off), refunded (small ones approved by policy, the rest by
     * finance the next day) and paid out; one payout in ten fails first and is retried.
     */
    /** A customer sends back part of a delivered line, for {@code reason} or (null) any reason. */
    void returnAndRefund(PlaceOrder order, LineAllocation line, ReturnReason given) {
        ReturnReason[] reasons = ReturnReason.values();
        ReturnReason reason = given != null ? given : reasons[run.random.nextInt(reasons.length)];
        int quantity = 1 + run.random.nextInt(line.quantity());
        ReturnResult requested;
        try {
            requested = run.send(new RequestReturn(order.orderId(), "RMA-" + UUID.randomUUID(),
                    List.of(new RequestReturn.Line(line.lineNo(), quantity, reason, null))));
        } catch (BusinessRuleViolation notReturnable) {
            return; // e.g. the line was backordered in part and never fully delivered
        }
        run.returns++;
        String returnId = requested.returnId();
        Instant now = run.clock.instant();
        long sequence = 1_000_000L + run.returns * 10L;
        run.schedule(now.plus(Duration.ofDays(3)), sequence,
                () -> run.send(new ReceiveReturn(order.orderId(), returnId, line.warehouseId())));
        run.schedule(now.plus(Duration.ofDays(4)), sequence + 1, () -> {
            int roll = run.random.nextInt(100);
            ReturnDisposition disposition = roll < 60 ? ReturnDisposition.RESALE : roll < 75
                    ? ReturnDisposition.REFURBISH : roll < 85 ? ReturnDisposition.QUARANTINE
                    : ReturnDisposition.WRITE_OFF;
            ItemCondition condition = disposition == ReturnDisposition.RESALE ? ItemCondition.AS_NEW
                    : disposition == ReturnDisposition.WRITE_OFF ? ItemCondition.DAMAGED : ItemCondition.DEFECTIVE;
            run.send(new InspectReturn(order.orderId(), returnId,
                    List.of(new InspectReturn.Entry(line.lineNo(), quantity, condition, disposition))));
            String refundId = UUID.randomUUID().toString();
            RefundResult refund = run.send(new RequestRefund(order.orderId(), refundId, null, null, List.of(),
                    "return " + reason.name().toLowerCase().replace('_', ' '), RefundSource.RETURN, returnId));
            run.refunds++;
            Instant inspectedAt = run.clock.instant();
            if (refund.status() == RefundStatus.REQUESTED) {
                run.schedule(inspectedAt.plus(Duration.ofDays(1)), sequence + 2,
                        () -> run.as("finance", Role.FINANCE, () -> run.send(new ApproveRefund(refundId, "finance"))));
            }
            boolean failsFirst = run.random.nextInt(10) == 0;
            run.schedule(inspectedAt.plus(Duration.ofDays(2)), sequence + 3, () -> run.settlements.refunded(
                    run.send(failsFirst ? new IssueRefund(refundId, null, "card expired", false)
                            : new IssueRefund(refundId, "RFD-" + refundId.substring(0, 8), null, false))));
            if (failsFirst) {
                run.schedule(inspectedAt.plus(Duration.ofDays(4)), sequence + 4, () -> run.settlements.refunded(
                        run.send(new IssueRefund(refundId, "RFD-" + refundId.substring(0, 8), null, true))));
            }
            if (disposition == ReturnDisposition.REFURBISH) {
                run.schedule(inspectedAt.plus(Duration.ofDays(7)), sequence + 5,
                        () -> run.send(new ReleaseHeldStock(StreamIds.stockItem(line.warehouseId(), line.sku()),
                                StockHold.REFURBISHMENT, quantity, "refurbished and repacked")));
            }
        });
    }
}
