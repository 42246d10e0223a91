package com.omniops.query.audit.state;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
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
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderEvent;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundEvent;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.replenishment.ReorderRuleEvent;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.events.supplier.SupplierEvent;
import com.omniops.events.supplier.SupplierRegistered;
import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertEvent;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodEvent;
import com.omniops.events.period.PeriodReopened;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The business instant an event records (placedAt, shippedAt, ...), as opposed to when it was stored. One switch per
 * sealed event interface, each without a default branch, so a new event type of a known aggregate does not compile
 * until it is placed here; {@link #knownTypes()} lets a test check that no aggregate's interface is missing.
 */
public final class BusinessTime {

    /** The sealed event interfaces {@link #of(Object)} dispatches on, one per aggregate type. */
    private static final List<Class<?>> EVENT_INTERFACES = List.of(ChannelEvent.class, ProductEvent.class,
            StockItemEvent.class, OrderEvent.class, PurchaseOrderEvent.class, RefundEvent.class, SupplierEvent.class,
            ReorderRuleEvent.class, TransferEvent.class, SettlementEvent.class, PeriodEvent.class, AlertEvent.class);

    private BusinessTime() {
    }

    /**
     * The business instant of {@code event}; null for a payload that is not one of the contract's events (it then
     * never cuts a history short).
     */
    public static Instant of(Object event) {
        return switch (event) {
            case ChannelEvent e -> of(e);
            case ProductEvent e -> of(e);
            case StockItemEvent e -> of(e);
            case OrderEvent e -> of(e);
            case PurchaseOrderEvent e -> of(e);
            case RefundEvent e -> of(e);
            case SupplierEvent e -> of(e);
            case ReorderRuleEvent e -> of(e);
            case TransferEvent e -> of(e);
            case SettlementEvent e -> of(e);
            case PeriodEvent e -> of(e);
            case AlertEvent e -> of(e);
            default -> null; // not a contract event: no business instant
        };
    }

    /** The event types whose business instant is known: every event of every interface dispatched on above. */
    public static Set<Class<?>> knownTypes() {
        return EVENT_INTERFACES.stream().flatMap(i -> Arrays.stream(i.getPermittedSubclasses()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Instant of(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> e.registeredAt();
            case ChannelSettingsChanged e -> e.changedAt();
        };
    }

    private static Instant of(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> e.registeredAt();
            case ProductListedOnChannel e -> e.listedAt();
            case ProductDiscontinued e -> e.discontinuedAt();
        };
    }

    private static Instant of(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> e.receivedAt();
            case StockReserved e -> e.reservedAt();
            case StockReservationReleased e -> e.releasedAt();
            case StockIssued e -> e.issuedAt();
            case StockAdjusted e -> e.adjustedAt();
            case StockReturned e -> e.returnedAt();
            case StockReleasedFromHold e -> e.releasedAt();
            case HeldStockWrittenOff e -> e.writtenOffAt();
            case StockTransferredOut e -> e.transferredAt();
            case StockCounted e -> e.countedAt();
            case StockCountApproved e -> e.approvedAt();
            case StockCountRejected e -> e.rejectedAt();
        };
    }

    private static Instant of(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> e.placedAt();
            case OrderCancelled e -> e.cancelledAt();
            case OrderShipped e -> e.shippedAt();
            case OrderDelivered e -> e.deliveredAt();
            case PaymentCaptured e -> e.capturedAt();
            case OrderFeeRecorded e -> e.recordedAt();
            case ReturnRequested e -> e.requestedAt();
            case ReturnReceived e -> e.receivedAt();
            case ReturnInspected e -> e.inspectedAt();
            case OrderRefundEarmarked e -> e.earmarkedAt();
            case OrderRefundApproved e -> e.approvedAt();
            case OrderRefundReleased e -> e.releasedAt();
            case OrderRefunded e -> e.refundedAt();
            case BackorderAllocated e -> e.allocatedAt();
            case OrderPicked e -> e.pickedAt();
            case OrderPacked e -> e.packedAt();
            case OrderShipmentOverdue e -> e.detectedAt();
        };
    }

    private static Instant of(PurchaseOrderEvent event) {
        return switch (event) {
            case PurchaseOrderDrafted e -> e.draftedAt();
            case PurchaseOrderSubmitted e -> e.submittedAt();
            case PurchaseOrderConfirmed e -> e.confirmedAt();
            case PurchaseOrderGoodsReceived e -> e.receivedAt();
            case PurchaseOrderReceived e -> e.receivedAt();
            case PurchaseOrderClosed e -> e.closedAt();
            case PurchaseOrderCancelled e -> e.cancelledAt();
        };
    }

    private static Instant of(RefundEvent event) {
        return switch (event) {
            case RefundRequested e -> e.requestedAt();
            case RefundApproved e -> e.approvedAt();
            case RefundRejected e -> e.rejectedAt();
            case RefundIssued e -> e.issuedAt();
            case RefundIssueFailed e -> e.failedAt();
        };
    }

    private static Instant of(SupplierEvent event) {
        return switch (event) {
            case SupplierRegistered e -> e.registeredAt();
        };
    }

    private static Instant of(ReorderRuleEvent event) {
        return switch (event) {
            case ReorderRuleSet e -> e.setAt();
        };
    }

    private static Instant of(AlertEvent event) {
        return switch (event) {
            case AlertRaised e -> e.raisedAt();
            case AlertAcknowledged e -> e.acknowledgedAt();
            case AlertResolved e -> e.resolvedAt();
        };
    }

    private static Instant of(PeriodEvent event) {
        return switch (event) {
            case PeriodClosed e -> e.closedAt();
            case PeriodReopened e -> e.reopenedAt();
        };
    }

    private static Instant of(SettlementEvent event) {
        return switch (event) {
            case SettlementImportStarted e -> e.startedAt();
            case SettlementRowsRecorded e -> e.recordedAt();
            case SettlementImported e -> e.importedAt();
            case SettlementRowMatched e -> e.matchedAt();
            case SettlementDifferenceAccepted e -> e.acceptedAt();
        };
    }

    private static Instant of(TransferEvent event) {
        return switch (event) {
            case TransferRequested e -> e.requestedAt();
            case TransferCancelled e -> e.cancelledAt();
            case TransferShipped e -> e.shippedAt();
            case TransferReceived e -> e.receivedAt();
        };
    }
}
