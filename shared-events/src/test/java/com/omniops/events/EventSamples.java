package com.omniops.events;

import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import com.omniops.events.alert.AlertType;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.events.supplier.SupplierRegistered;
import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.refund.RefundSource;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodReopened;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One representative instance of every stored event type. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final String ORDER = "6f1c2d7e-0000-4000-8000-000000000001";
    private static final String PO = "PO-2026-000123";
    private static final String RETURN = "RMA-6f1c2d7e-1";
    private static final String REFUND = "b3e0f1a2-0000-4000-8000-000000000009";
    private static final String TRANSFER = "c4d5e6f7-0000-4000-8000-000000000042";
    private static final String SETTLEMENT = "MKT-A~11223344556";
    private static final String ALERT = "DELAYED_FULFILMENT~" + ORDER;
    private static final String COUNT = "d5e6f7a8-0000-4000-8000-000000000017";

    private EventSamples() {
    }

    static List<Object> all() {
        return List.of(
                new ProductRegistered("SKU-1001", "Linen duvet cover, double", "EA", "STANDARD", AT),
                new ProductListedOnChannel("SKU-1001", "WEB", "WEB-1001", AT),
                new ProductDiscontinued("SKU-1001", "Supplier stopped the line", AT),
                new ChannelRegistered("MKT-A", "Marketplace A", ChannelType.MARKETPLACE, "EUR", true,
                        List.of("WH-EAST", "3PL"),
                        AllocationStrategy.PRIORITY, true, 2, AT),
                new ChannelSettingsChanged("MKT-A", List.of("3PL", "WH-EAST", "WH-WEST"),
                        AllocationStrategy.MOST_STOCK, false, 5, "peak season: the 3PL ships first", AT),
                new StockReceived("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", 24, Money.of("12.40", "EUR"),
                        ReceiptSource.PURCHASE_ORDER, "PO-77", Money.of("12.2500", "EUR"), 30, 4, AT),
                new StockReserved("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, 2, 30, 6, AT),
                new StockReservationReleased("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, 2,
                        "order cancelled", 30, 4, AT),
                new StockIssued("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, "SHP-1", 2,
                        Money.of("12.2500", "EUR"), 28, 4, AT),
                new StockAdjusted("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", -1, AdjustmentReason.DAMAGED,
                        "dropped by forklift", Money.of("12.2500", "EUR"), 27, 4, AT),
                new OrderPlaced(ORDER, "WEB", "W-100234", "CUST-9", "EUR", true,
                        List.of(new OrderLine(1, "SKU-1001", 3, new BigDecimal("39.90"), new BigDecimal("5.00"),
                                new BigDecimal("19.12"))),
                        new BigDecimal("4.95"), LocalDate.parse("2026-03-16"),
                        List.of(new LineAllocation(1, "SKU-1001", "WH-EAST", 2)),
                        List.of(new LineBackorder(1, "SKU-1001", 1)), AT),
                new OrderCancelled(ORDER, "customer request",
                        List.of(new LineAllocation(1, "SKU-1001", "WH-EAST", 2)), AT),
                new OrderShipped(ORDER, "SHP-1", "WH-EAST", List.of(new ShippedLine(1, "SKU-1001", 2)), "DHL",
                        "JD014600006281", new BigDecimal("6.40"), AT),
                new OrderDelivered(ORDER, "SHP-1", AT),
                new BackorderAllocated(ORDER, 1, "SKU-1001", "WH-EAST", 1, AT),
                new OrderPicked(ORDER, "WH-EAST", List.of(new ShippedLine(1, "SKU-1001", 2)), "picker.jo", AT),
                new OrderPacked(ORDER, "WH-EAST", 1, AT),
                new PaymentCaptured(ORDER, "PAY-1", Money.of("134.65", "EUR"), "ADYEN", "PSP-8812", AT),
                new OrderFeeRecorded(ORDER, "FEE-1", FeeType.MARKETPLACE_COMMISSION, Money.of("20.20", "EUR"),
                        "15% referral fee", AT),
                new ReturnRequested(ORDER, RETURN, List.of(new ReturnLine(1, "SKU-1001", 2, ReturnReason.DAMAGED,
                        "corner torn")), AT),
                new ReturnReceived(ORDER, RETURN, "WH-EAST", AT),
                new ReturnInspected(ORDER, RETURN, "WH-EAST", List.of(
                        new InspectedLine(1, "SKU-1001", 1, ItemCondition.AS_NEW, ReturnDisposition.RESALE),
                        new InspectedLine(1, "SKU-1001", 1, ItemCondition.DAMAGED, ReturnDisposition.REFURBISH)), AT),
                new OrderRefundEarmarked(ORDER, REFUND, Money.of("86.84", "EUR"), RefundSource.RETURN, RETURN, AT),
                new OrderRefundApproved(ORDER, REFUND, Money.of("86.84", "EUR"), AT),
                new OrderRefundReleased(ORDER, REFUND, Money.of("86.84", "EUR"), "duplicate request", AT),
                new OrderRefunded(ORDER, REFUND, Money.of("86.84", "EUR"), "PSP-R-77", AT),
                new RefundRequested(REFUND, ORDER, Money.of("86.84", "EUR"),
                        List.of(new RefundLine(1, "SKU-1001", 2, new BigDecimal("86.84"))), "return inspected",
                        RefundSource.RETURN, RETURN, AT),
                new RefundApproved(REFUND, ORDER, Money.of("86.84", "EUR"), true, "auto-approval policy", AT),
                new RefundRejected(REFUND, ORDER, Money.of("86.84", "EUR"), "duplicate request", "finance.anna", AT),
                new RefundIssued(REFUND, ORDER, Money.of("86.84", "EUR"), "PSP-R-77", 2, AT),
                new RefundIssueFailed(REFUND, ORDER, "card expired", 1, AT),
                new StockReturned("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, RETURN, 1, 1,
                        ReturnDisposition.REFURBISH, Money.of("12.2500", "EUR"), 28, 4, 0, 1, AT),
                new StockReleasedFromHold("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", StockHold.REFURBISHMENT, 1,
                        "cleaned and repacked", 28, 4, 0, 0, AT),
                new HeldStockWrittenOff("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", StockHold.QUARANTINE, 1,
                        "mould", Money.of("12.2500", "EUR"), 27, 4, 0, 0, AT),
                new SupplierRegistered("SUP-LINEN", "Linen mill", new BigDecimal("12.5"), new BigDecimal("2.0"), 24,
                        "EUR", AT),
                new PurchaseOrderDrafted(PO, "SUP-LINEN", "WH-EAST", "EUR",
                        List.of(new PurchaseOrderLine(1, "SKU-1001", 48, new BigDecimal("12.40"))),
                        LocalDate.parse("2026-03-27"), PurchaseOrderOrigin.REPLENISHMENT, AT),
                new PurchaseOrderSubmitted(PO, AT),
                new PurchaseOrderConfirmed(PO, LocalDate.parse("2026-03-30"), List.of(new ConfirmedLine(1, 40)), AT),
                new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-EAST",
                        List.of(new ReceivedLine(1, "SKU-1001", 40, new BigDecimal("12.40"))), AT),
                new PurchaseOrderReceived(PO, AT),
                new PurchaseOrderClosed(PO, "short-closed: supplier out of stock", AT),
                new PurchaseOrderCancelled(PO, "duplicate", AT),
                new ReorderRuleSet("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", "SUP-LINEN", ReorderMethod.MIN_MAX, 10,
                        40, 6, null, false, AT),
                new StockTransferredOut("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", TRANSFER, "WH-WEST", 6,
                        Money.of("12.2500", "EUR"), 21, 4, AT),
                new StockCounted("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", COUNT, 21, 12, -9, false,
                        Money.of("12.2500", "EUR"), Money.of("-110.2500", "EUR"),
                        List.of(CountApprovalReason.BEYOND_TOLERANCE, CountApprovalReason.ABOVE_VALUE_THRESHOLD),
                        "warehouse.jo", "bin A-12 recounted", 21, 4, AT),
                new StockCountApproved("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", COUNT, -9, "finance.anna",
                        "confirmed by second count", 21, 4, AT),
                new StockCountRejected("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", COUNT, "finance.anna",
                        "wrong bin counted", 21, 4, AT),
                new TransferRequested(TRANSFER, "WH-EAST", "WH-WEST", List.of(new TransferLine(1, "SKU-1001", 6)),
                        "refill west before the weekend", AT),
                new TransferCancelled(TRANSFER, "west restocked by a purchase order", AT),
                new TransferShipped(TRANSFER, "WH-EAST", "WH-WEST",
                        List.of(new ShippedTransferLine(1, "SKU-1001", 6, Money.of("12.2500", "EUR"))), "DHL",
                        "JD014600006299", AT),
                new TransferReceived(TRANSFER, "TRC-1", "WH-EAST", "WH-WEST",
                        List.of(new ReceivedTransferLine(1, "SKU-1001", 4, 4)), false, AT),
                new SettlementImportStarted(SETTLEMENT, "MKT-A", SettlementSource.MARKETPLACE_REPORT, "11223344556",
                        Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"),
                        Instant.parse("2026-03-17T07:00:00Z"), Money.of("33.10", "EUR"), 2, "settlement-0315.txt",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "finance.anna", AT),
                new SettlementRowsRecorded(SETTLEMENT, 0, List.of(
                        new SettlementRow(3, SettlementRowKind.PRINCIPAL, "Order", "302-1111111-1111111",
                                new BigDecimal("95.00"), "ItemPrice / Principal", "S1", "HOME-001", 2,
                                Instant.parse("2026-03-03T00:00:00Z")),
                        new SettlementRow(4, SettlementRowKind.COMMISSION, "Order", "302-1111111-1111111",
                                new BigDecimal("-14.25"), "ItemFees / Commission", "S1", "HOME-001", 2,
                                Instant.parse("2026-03-03T00:00:00Z"))), AT),
                new SettlementImported(SETTLEMENT, "MKT-A", SettlementSource.MARKETPLACE_REPORT,
                        Money.of("33.10", "EUR"), 2, new BigDecimal("80.75"),
                        Map.of(SettlementRowKind.PRINCIPAL, new BigDecimal("95.00"),
                                SettlementRowKind.COMMISSION, new BigDecimal("-14.25")),
                        true, Instant.parse("2026-03-17T07:00:00Z"), AT),
                new SettlementRowMatched(SETTLEMENT, 7, ORDER, "buyer's order id mistyped by the marketplace",
                        "finance.anna", AT),
                new SettlementDifferenceAccepted(SETTLEMENT, ORDER, null, "commission rate changed on 1 March",
                        "finance.anna", AT),
                new PeriodClosed("2026-02", Instant.parse("2026-03-01T00:00:00Z"), List.of("EARLIER_PERIODS_CLOSED",
                        "SETTLEMENTS_RECONCILED", "LEDGER_CAUGHT_UP", "NO_PENDING_COUNTS", "TRIAL_BALANCE_BALANCED"),
                        "finance.anna", AT),
                new PeriodReopened("2026-02", "supplier credit note for February arrived late", "admin", AT),
                new OrderShipmentOverdue(ORDER, "WEB", "WEB-10042", LocalDate.parse("2026-03-13"), 3, 2, AT),
                new AlertRaised(ALERT, 1, AlertType.DELAYED_FULFILMENT, "WEB", null, ORDER,
                        "Order WEB-10042 was promised to ship by 2026-03-13; 1 of 3 units not shipped",
                        new BigDecimal("1"), new BigDecimal("0"), AT),
                new AlertAcknowledged(ALERT, 1, "ops.maria", "3PL says it leaves today", AT),
                new AlertResolved(ALERT, 1, true, "system", "order fully shipped", AT));
    }
}
