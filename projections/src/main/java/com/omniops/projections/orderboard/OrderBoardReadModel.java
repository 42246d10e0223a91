package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.projections.jooq.tables.records.OrderBoardOrderRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.Page;
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
        for (var l : dsl.selectFrom(ORDER_BOARD_LINE)
                .where(ORDER_BOARD_LINE.ORDER_ID.eq(orderId))
                .orderBy(ORDER_BOARD_LINE.LINE_NO)
                .fetch()) {
            var lineTotal = l.getUnitPrice().multiply(java.math.BigDecimal.valueOf(l.getQuantity()))
                    .subtract(l.getDiscount()).add(l.getTaxAmount());
            lines.add(new OrderDetails.Line(l.getLineNo(), l.getSku(), l.getQuantity(),
                    Amounts.normalized(l.getUnitPrice()), Amounts.normalized(l.getDiscount()),
                    Amounts.normalized(l.getTaxAmount()), Amounts.normalized(lineTotal), l.getAllocated(),
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
                        s.getTrackingNumber(), instant(s.getShippedAt()), instant(s.getDeliveredAt()),
                        shipmentLines.getOrDefault(s.getShipmentId(), List.of())));
        return Optional.of(new OrderDetails(order.getOrderId(), order.getChannelId(), order.getChannelOrderRef(),
                order.getCustomerId(), order.getCurrency(), OrderBoardStatus.valueOf(order.getStatus()),
                instant(order.getPlacedAt()), order.getPromisedShipDate(), instant(order.getCancelledAt()),
                order.getCancelReason(), instant(order.getLastShippedAt()), instant(order.getDeliveredAt()),
                new OrderDetails.Totals(order.getLineCount(), order.getUnitsOrdered(), order.getUnitsAllocated(),
                        order.getUnitsBackordered(), order.getUnitsShipped(),
                        Amounts.normalized(order.getShippingCharge()), Amounts.normalized(order.getOrderTotal())),
                lines, backorders, shipments));
    }

    /** Orders newest placed first, optionally of one channel and/or one status. */
    @Transactional(readOnly = true)
    public OrderSummaryPage list(String channelId, OrderBoardStatus status, Page page) {
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
                        o.getPromisedShipDate(), instant(o.getLastShippedAt()), instant(o.getDeliveredAt())));
        return new OrderSummaryPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
