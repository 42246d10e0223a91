package com.omniops.query.audit.state;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.events.supplier.SupplierRegistered;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The business instant an event records (placedAt, shippedAt, ...), as opposed to when it was stored. One entry per
 * event type of every aggregate; a test compares {@link #knownTypes()} with the sealed event interfaces, so a new event
 * type cannot be forgotten here.
 */
public final class BusinessTime {

    private static final Map<Class<?>, Function<Object, Instant>> INSTANTS = new LinkedHashMap<>();

    static {
        at(ChannelRegistered.class, ChannelRegistered::registeredAt);

        at(ProductRegistered.class, ProductRegistered::registeredAt);
        at(ProductListedOnChannel.class, ProductListedOnChannel::listedAt);
        at(ProductDiscontinued.class, ProductDiscontinued::discontinuedAt);

        at(StockReceived.class, StockReceived::receivedAt);
        at(StockReserved.class, StockReserved::reservedAt);
        at(StockReservationReleased.class, StockReservationReleased::releasedAt);
        at(StockIssued.class, StockIssued::issuedAt);
        at(StockAdjusted.class, StockAdjusted::adjustedAt);
        at(StockReturned.class, StockReturned::returnedAt);
        at(StockReleasedFromHold.class, StockReleasedFromHold::releasedAt);
        at(HeldStockWrittenOff.class, HeldStockWrittenOff::writtenOffAt);
        at(StockTransferredOut.class, StockTransferredOut::transferredAt);
        at(StockCounted.class, StockCounted::countedAt);
        at(StockCountApproved.class, StockCountApproved::approvedAt);
        at(StockCountRejected.class, StockCountRejected::rejectedAt);

        at(OrderPlaced.class, OrderPlaced::placedAt);
        at(OrderCancelled.class, OrderCancelled::cancelledAt);
        at(OrderShipped.class, OrderShipped::shippedAt);
        at(OrderDelivered.class, OrderDelivered::deliveredAt);
        at(PaymentCaptured.class, PaymentCaptured::capturedAt);
        at(OrderFeeRecorded.class, OrderFeeRecorded::recordedAt);
        at(ReturnRequested.class, ReturnRequested::requestedAt);
        at(ReturnReceived.class, ReturnReceived::receivedAt);
        at(ReturnInspected.class, ReturnInspected::inspectedAt);
        at(OrderRefundEarmarked.class, OrderRefundEarmarked::earmarkedAt);
        at(OrderRefundApproved.class, OrderRefundApproved::approvedAt);
        at(OrderRefundReleased.class, OrderRefundReleased::releasedAt);
        at(OrderRefunded.class, OrderRefunded::refundedAt);
        at(BackorderAllocated.class, BackorderAllocated::allocatedAt);
        at(OrderPicked.class, OrderPicked::pickedAt);
        at(OrderPacked.class, OrderPacked::packedAt);

        at(PurchaseOrderDrafted.class, PurchaseOrderDrafted::draftedAt);
        at(PurchaseOrderSubmitted.class, PurchaseOrderSubmitted::submittedAt);
        at(PurchaseOrderConfirmed.class, PurchaseOrderConfirmed::confirmedAt);
        at(PurchaseOrderGoodsReceived.class, PurchaseOrderGoodsReceived::receivedAt);
        at(PurchaseOrderReceived.class, PurchaseOrderReceived::receivedAt);
        at(PurchaseOrderClosed.class, PurchaseOrderClosed::closedAt);
        at(PurchaseOrderCancelled.class, PurchaseOrderCancelled::cancelledAt);

        at(RefundRequested.class, RefundRequested::requestedAt);
        at(RefundApproved.class, RefundApproved::approvedAt);
        at(RefundRejected.class, RefundRejected::rejectedAt);
        at(RefundIssued.class, RefundIssued::issuedAt);
        at(RefundIssueFailed.class, RefundIssueFailed::failedAt);

        at(SupplierRegistered.class, SupplierRegistered::registeredAt);
        at(ReorderRuleSet.class, ReorderRuleSet::setAt);

        at(TransferRequested.class, TransferRequested::requestedAt);
        at(TransferCancelled.class, TransferCancelled::cancelledAt);
        at(TransferShipped.class, TransferShipped::shippedAt);
        at(TransferReceived.class, TransferReceived::receivedAt);
    }

    private BusinessTime() {
    }

    private static <E> void at(Class<E> type, Function<E, Instant> instant) {
        INSTANTS.put(type, event -> instant.apply(type.cast(event)));
    }

    /**
     * The business instant of {@code event}; null for a payload that is not one of the contract's events (it then
     * never cuts a history short). Every contract event type is known (see {@link #knownTypes()}).
     */
    public static Instant of(Object event) {
        Function<Object, Instant> instant = INSTANTS.get(event.getClass());
        return instant == null ? null : instant.apply(event);
    }

    /** The event types whose business instant is known. */
    public static Set<Class<?>> knownTypes() {
        return Collections.unmodifiableSet(INSTANTS.keySet());
    }
}
