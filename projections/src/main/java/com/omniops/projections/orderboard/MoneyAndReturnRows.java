package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_REFUND;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_RETURN;
import static com.omniops.projections.support.Columns.utc;

import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.projections.jooq.tables.records.OrderBoardRefundRecord;
import com.omniops.projections.jooq.tables.records.OrderBoardReturnRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateConditionStep;
import org.jooq.UpdateSetMoreStep;

/**
 * The board's money and after-sale rows of an order: captured payments and fees on the order row, its returns and its
 * refunds (earmarked, approved, released, issued). Like {@link FulfilmentRows}, each write runs after the order's
 * position was claimed for the event's {@code seq}.
 */
final class MoneyAndReturnRows {

    private final DSLContext dsl;

    MoneyAndReturnRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    void capture(PaymentCaptured event) {
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.CAPTURED, ORDER_BOARD_ORDER.CAPTURED.plus(event.amount().amount()))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void fee(OrderFeeRecorded event) {
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.FEES, ORDER_BOARD_ORDER.FEES.plus(event.amount().amount()))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void requestReturn(ReturnRequested event, long seq) {
        int units = event.lines().stream().mapToInt(ReturnLine::quantity).sum();
        dsl.insertInto(ORDER_BOARD_RETURN)
                .set(ORDER_BOARD_RETURN.ORDER_ID, event.orderId())
                .set(ORDER_BOARD_RETURN.RETURN_ID, event.returnId())
                .set(ORDER_BOARD_RETURN.STATUS, "REQUESTED")
                .set(ORDER_BOARD_RETURN.UNITS, units)
                .set(ORDER_BOARD_RETURN.REQUESTED_AT, utc(event.requestedAt()))
                .set(ORDER_BOARD_RETURN.LAST_SEQUENCE, seq)
                .execute();
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.UNITS_RETURNED, ORDER_BOARD_ORDER.UNITS_RETURNED.plus(units))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void receiveReturn(ReturnReceived event, long seq) {
        updateReturn(seq, "RECEIVED")
                .set(ORDER_BOARD_RETURN.WAREHOUSE_ID, event.warehouseId())
                .set(ORDER_BOARD_RETURN.RECEIVED_AT, utc(event.receivedAt()))
                .where(returnRow(event.orderId(), event.returnId()))
                .execute();
    }

    void inspectReturn(ReturnInspected event, long seq) {
        updateReturn(seq, "INSPECTED")
                .set(ORDER_BOARD_RETURN.INSPECTED_AT, utc(event.inspectedAt()))
                .where(returnRow(event.orderId(), event.returnId()))
                .execute();
    }

    void earmarkRefund(OrderRefundEarmarked event, long seq) {
        dsl.insertInto(ORDER_BOARD_REFUND)
                .set(ORDER_BOARD_REFUND.ORDER_ID, event.orderId())
                .set(ORDER_BOARD_REFUND.REFUND_ID, event.refundId())
                .set(ORDER_BOARD_REFUND.AMOUNT, event.amount().amount())
                .set(ORDER_BOARD_REFUND.SOURCE, event.source().name())
                .set(ORDER_BOARD_REFUND.RETURN_ID, event.returnId())
                .set(ORDER_BOARD_REFUND.STATUS, "REQUESTED")
                .set(ORDER_BOARD_REFUND.REQUESTED_AT, utc(event.earmarkedAt()))
                .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                .execute();
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                        ORDER_BOARD_ORDER.REFUND_EARMARKED.plus(event.amount().amount()))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void approveRefund(OrderRefundApproved event, long seq) {
        refundStatus(event.orderId(), event.refundId(), seq, "APPROVED").execute();
    }

    /** A released earmark is a refund that will not be paid: shown as rejected, its amount no longer earmarked. */
    void releaseRefund(OrderRefundReleased event, long seq) {
        refundStatus(event.orderId(), event.refundId(), seq, "REJECTED").execute();
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                        ORDER_BOARD_ORDER.REFUND_EARMARKED.minus(event.amount().amount()))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    void issueRefund(OrderRefunded event, long seq) {
        dsl.update(ORDER_BOARD_REFUND)
                .set(ORDER_BOARD_REFUND.STATUS, "ISSUED")
                .set(ORDER_BOARD_REFUND.REFUNDED_AT, utc(event.refundedAt()))
                .set(ORDER_BOARD_REFUND.PAYMENT_REFERENCE, event.paymentReference())
                .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                .where(ORDER_BOARD_REFUND.ORDER_ID.eq(event.orderId()))
                .and(ORDER_BOARD_REFUND.REFUND_ID.eq(event.refundId()))
                .execute();
        dsl.update(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.REFUND_EARMARKED,
                        ORDER_BOARD_ORDER.REFUND_EARMARKED.minus(event.amount().amount()))
                .set(ORDER_BOARD_ORDER.REFUNDED, ORDER_BOARD_ORDER.REFUNDED.plus(event.amount().amount()))
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(event.orderId()))
                .execute();
    }

    private UpdateSetMoreStep<OrderBoardReturnRecord> updateReturn(long seq, String status) {
        return dsl.update(ORDER_BOARD_RETURN)
                .set(ORDER_BOARD_RETURN.STATUS, status)
                .set(ORDER_BOARD_RETURN.LAST_SEQUENCE, seq);
    }

    private static Condition returnRow(String orderId, String returnId) {
        return ORDER_BOARD_RETURN.ORDER_ID.eq(orderId).and(ORDER_BOARD_RETURN.RETURN_ID.eq(returnId));
    }

    private UpdateConditionStep<OrderBoardRefundRecord> refundStatus(String orderId, String refundId, long seq,
                                                                     String status) {
        return dsl.update(ORDER_BOARD_REFUND)
                .set(ORDER_BOARD_REFUND.STATUS, status)
                .set(ORDER_BOARD_REFUND.LAST_SEQUENCE, seq)
                .where(ORDER_BOARD_REFUND.ORDER_ID.eq(orderId))
                .and(ORDER_BOARD_REFUND.REFUND_ID.eq(refundId));
    }
}
