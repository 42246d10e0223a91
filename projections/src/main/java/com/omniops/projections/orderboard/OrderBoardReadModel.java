package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_REFUND;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_RETURN;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_WAREHOUSE_STEP;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.events.order.OrderAmounts;
import com.omniops.projections.jooq.tables.records.OrderBoardOrderRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the order status board. */
@Component
public class OrderBoardReadModel {

    private final DSLContext dsl;

    public OrderBoardReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Optional<OrderDetails> find(String orderId) {
        OrderBoardOrderRecord order = dsl.selectFrom(ORDER_BOARD_ORDER)
                .where(ORDER_BOARD_ORDER.ORDER_ID.eq(orderId))
                .fetchOne();
        if (order == null) {
            return Optional.empty();
        }
        Map<Integer, List<OrderDetails.Allocation>> allocations = dsl.selectFrom(ORDER_BOARD_ALLOCATION)
                .where(ORDER_BOARD_ALLOCATION.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_ALLOCATION.LINE_NO, ORDER_BOARD_ALLOCATION.WAREHOUSE_ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(a -> a.getLineNo(), Collectors.mapping(
                        a -> new OrderDetails.Allocation(a.getWarehouseId(), a.getQuantity(), a.getShipped()),
                        Collectors.toList())));
        List<OrderDetails.Line> lines = new ArrayList<>();
        List<OrderDetails.Backorder> backorders = new ArrayList<>();
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (var l : dsl.selectFrom(ORDER_BOARD_LINE)
                .where(ORDER_BOARD_LINE.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_LINE.LINE_NO)
                .fetch()) {
            OrderAmounts.Line value = OrderAmounts.line(l.getLineNo(), l.getQuantity(), l.getUnitPrice(),
                    l.getDiscount(), l.getTaxAmount(), order.getPricesIncludeTax());
            taxTotal = taxTotal.add(value.tax());
            lines.add(new OrderDetails.Line(l.getLineNo(), l.getSku(), l.getQuantity(),
                    Amounts.normalized(l.getUnitPrice()), Amounts.normalized(l.getDiscount()),
                    Amounts.normalized(l.getTaxAmount()), Amounts.normalized(value.net()),
                    Amounts.normalized(value.gross()), l.getAllocated(),
                    l.getBackordered(), l.getShipped(), allocations.getOrDefault(l.getLineNo(), List.of())));
            if (l.getBackordered() > 0) {
                backorders.add(new OrderDetails.Backorder(l.getLineNo(), l.getSku(), l.getBackordered()));
            }
        }
        Map<String, List<OrderDetails.ShipmentLine>> shipmentLines = dsl.selectFrom(ORDER_BOARD_SHIPMENT_LINE)
                .where(ORDER_BOARD_SHIPMENT_LINE.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_SHIPMENT_LINE.SHIPMENT_ID, ORDER_BOARD_SHIPMENT_LINE.LINE_NO)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(s -> s.getShipmentId(), Collectors.mapping(
                        s -> new OrderDetails.ShipmentLine(s.getLineNo(), s.getSku(), s.getQuantity()),
                        Collectors.toList())));
        List<OrderDetails.Shipment> shipments = dsl.selectFrom(ORDER_BOARD_SHIPMENT)
                .where(ORDER_BOARD_SHIPMENT.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_SHIPMENT.SHIPPED_AT, ORDER_BOARD_SHIPMENT.SHIPMENT_ID)
                .fetch(s -> new OrderDetails.Shipment(s.getShipmentId(), s.getWarehouseId(), s.getCarrier(),
                        s.getTrackingNumber(), Amounts.normalized(s.getShippingCost()), instant(s.getShippedAt()),
                        instant(s.getDeliveredAt()),
                        shipmentLines.getOrDefault(s.getShipmentId(), List.of())));
        List<OrderDetails.Return> returns = dsl.selectFrom(ORDER_BOARD_RETURN)
                .where(ORDER_BOARD_RETURN.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_RETURN.REQUESTED_AT, ORDER_BOARD_RETURN.RETURN_ID)
                .fetch(r -> new OrderDetails.Return(r.getReturnId(), r.getStatus(), r.getUnits(), r.getWarehouseId(),
                        instant(r.getRequestedAt()), instant(r.getReceivedAt()), instant(r.getInspectedAt())));
        List<OrderDetails.Refund> refunds = dsl.selectFrom(ORDER_BOARD_REFUND)
                .where(ORDER_BOARD_REFUND.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_REFUND.REQUESTED_AT, ORDER_BOARD_REFUND.REFUND_ID)
                .fetch(r -> new OrderDetails.Refund(r.getRefundId(), Amounts.normalized(r.getAmount()), r.getSource(),
                        r.getReturnId(), r.getStatus(), instant(r.getRequestedAt()), instant(r.getRefundedAt()),
                        r.getPaymentReference()));
        return Optional.of(new OrderDetails(order.getOrderId(), order.getChannelId(), order.getChannelOrderRef(),
                order.getCustomerId(), order.getCurrency(), OrderBoardStatus.valueOf(order.getStatus()),
                instant(order.getPlacedAt()), order.getPromisedShipDate(), instant(order.getCancelledAt()),
                order.getCancelReason(), instant(order.getLastShippedAt()), instant(order.getDeliveredAt()),
                new OrderDetails.Totals(order.getLineCount(), order.getUnitsOrdered(), order.getUnitsAllocated(),
                        order.getUnitsBackordered(), order.getUnitsShipped(),
                        Amounts.normalized(order.getShippingCharge()), order.getPricesIncludeTax(),
                        Amounts.normalized(order.getOrderTotal().subtract(taxTotal)), Amounts.normalized(taxTotal),
                        Amounts.normalized(order.getOrderTotal())),
                new OrderDetails.Fulfilment(order.getShipmentCount(),
                        order.getUnitsShipped() >= order.getUnitsOrdered() && order.getUnitsShipped() > 0,
                        order.getShipmentCount() == 0 ? null : !order.getShippedLate(),
                        Amounts.normalized(order.getShippingCost())),
                money(order), lines, backorders, shipments, returns, refunds,
                dsl.selectFrom(ORDER_BOARD_WAREHOUSE_STEP).where(ORDER_BOARD_WAREHOUSE_STEP.ORDER_ID.eq(orderId))
                        .orderBy(ORDER_BOARD_WAREHOUSE_STEP.WAREHOUSE_ID)
                        .fetch(w -> new OrderDetails.WarehouseStep(w.getWarehouseId(), w.getStage(),
                                instant(w.getPickedAt()), w.getPickedBy(), instant(w.getPackedAt()), w.getParcels()))));
    }

    /** Orders newest placed first, optionally of one channel and/or one status. */
    @Transactional(readOnly = true)
    public OrderSummaryPage list(String channelId, OrderBoardStatus status, PageRequest page) {
        Condition filter = (channelId == null ? noCondition() : ORDER_BOARD_ORDER.CHANNEL_ID.eq(channelId))
                .and(status == null ? noCondition() : ORDER_BOARD_ORDER.STATUS.eq(status.name()));
        long total = dsl.fetchCount(ORDER_BOARD_ORDER, filter);
        List<OrderSummary> items = dsl.selectFrom(ORDER_BOARD_ORDER)
                .where(filter)
                .orderBy(ORDER_BOARD_ORDER.PLACED_AT.desc(), ORDER_BOARD_ORDER.ORDER_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(o -> new OrderSummary(o.getOrderId(), o.getChannelId(), o.getChannelOrderRef(),
                        o.getCustomerId(), o.getCurrency(), OrderBoardStatus.valueOf(o.getStatus()),
                        o.getLineCount(), o.getUnitsOrdered(), o.getUnitsAllocated(), o.getUnitsBackordered(),
                        o.getUnitsShipped(), Amounts.normalized(o.getOrderTotal()), instant(o.getPlacedAt()),
                        o.getPromisedShipDate(), instant(o.getLastShippedAt()), instant(o.getDeliveredAt()),
                        o.getShipmentCount(), o.getUnitsReturned(), Amounts.normalized(o.getCaptured()),
                        Amounts.normalized(o.getRefunded()), paymentStatus(o), refundStatus(o)));
        return new OrderSummaryPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static OrderDetails.Money money(OrderBoardOrderRecord o) {
        return new OrderDetails.Money(Amounts.normalized(o.getCaptured()), Amounts.normalized(o.getFees()),
                Amounts.normalized(o.getRefundEarmarked()), Amounts.normalized(o.getRefunded()),
                Amounts.normalized(o.getCaptured().subtract(o.getRefunded()).subtract(o.getRefundEarmarked())),
                paymentStatus(o), refundStatus(o), o.getUnitsReturned());
    }

    static String paymentStatus(OrderBoardOrderRecord o) {
        if (o.getCaptured().signum() == 0) {
            return "UNPAID";
        }
        return o.getCaptured().compareTo(o.getOrderTotal()) < 0 ? "PARTIALLY_PAID" : "PAID";
    }

    static String refundStatus(OrderBoardOrderRecord o) {
        if (o.getRefundEarmarked().signum() > 0) {
            return "PENDING";
        }
        if (o.getRefunded().signum() == 0) {
            return "NONE";
        }
        return o.getRefunded().compareTo(o.getCaptured()) < 0 ? "PARTIALLY_REFUNDED" : "REFUNDED";
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
