package com.omniops.query.audit.state;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
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
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Fee;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Payment;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Refund;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Return;
import com.omniops.query.audit.state.OrderState.Line;
import com.omniops.query.audit.state.OrderState.Shipment;
import com.omniops.query.audit.state.OrderState.WarehouseStep;
import org.springframework.stereotype.Component;

/**
 * Order: status, lines, allocations per warehouse (reserved at placement or from a backorder, released, shipped),
 * picking and packing per warehouse, shipments and deliveries, payments and fees, returns and their inspection, and
 * the refundable balance (captured − refunded − earmarked) with each refund's earmark, into an {@link OrderState}.
 */
@Component
public class OrderStateFolder implements AuditStateFolder<OrderState, OrderEvent> {

    @Override
    public String aggregateType() {
        return "Order";
    }

    @Override
    public OrderState initial(String aggregateId) {
        return new OrderState(aggregateId);
    }

    @Override
    public Class<OrderEvent> events() {
        return OrderEvent.class;
    }

    @Override
    public void fold(OrderState s, OrderEvent event) {
        switch (event) {
            case OrderPlaced e -> placed(s, e);
            case BackorderAllocated e -> {
                Line line = s.line(e.lineNo());
                line.allocated += e.quantity();
                line.backordered -= e.quantity();
                s.allocation(e.lineNo(), e.sku(), e.warehouseId()).reserved += e.quantity();
            }
            case OrderCancelled e -> {
                s.cancelled = true;
                s.cancelledAt = e.cancelledAt();
                s.cancelReason = e.reason();
                for (LineAllocation a : e.releasedAllocations()) {
                    s.allocation(a.lineNo(), a.sku(), a.warehouseId()).released += a.quantity();
                }
            }
            case OrderPicked e -> {
                WarehouseStep step = s.step(e.warehouseId());
                step.stage = "PICKED";
                step.pickedAt = e.pickedAt();
                step.pickedBy = e.pickedBy();
            }
            case OrderPacked e -> {
                WarehouseStep step = s.step(e.warehouseId());
                step.stage = "PACKED";
                step.packedAt = e.packedAt();
                step.parcels = e.parcels();
            }
            case OrderShipmentOverdue e -> s.overdueSince = e.detectedAt();
            case OrderShipped e -> {
                s.shipments.put(e.shipmentId(), new Shipment(e.shipmentId(), e.warehouseId(), e.carrier(),
                        e.trackingNumber(), e.shippingCost(), e.shippedAt(), e.lines()));
                for (ShippedLine l : e.lines()) {
                    s.line(l.lineNo()).shipped += l.quantity();
                    s.allocation(l.lineNo(), l.sku(), e.warehouseId()).shipped += l.quantity();
                }
                s.steps.remove(e.warehouseId()); // picked and packed units have left with the shipment
            }
            case OrderDelivered e -> {
                Shipment shipment = s.shipments.get(e.shipmentId());
                if (shipment == null) {
                    s.anomalies.add("OrderDelivered for shipment " + e.shipmentId() + ", which was never shipped");
                } else {
                    shipment.deliveredAt = e.deliveredAt();
                }
            }
            case PaymentCaptured e -> {
                s.payments.add(new Payment(e.paymentId(), e.amount(), e.provider(), e.reference(), e.capturedAt()));
                s.captured = s.captured.add(e.amount().amount());
            }
            case OrderFeeRecorded e -> {
                s.fees.add(new Fee(e.feeId(), e.type(), e.amount(), e.description(), e.recordedAt()));
                s.feesTotal = s.feesTotal.add(e.amount().amount());
            }
            case ReturnRequested e -> {
                s.returns.put(e.returnId(), new Return(e.returnId(), e.lines(), e.requestedAt()));
                for (ReturnLine l : e.lines()) {
                    s.line(l.lineNo()).returned += l.quantity();
                }
            }
            case ReturnReceived e -> {
                Return r = s.returnOf(e.returnId());
                r.status = "RECEIVED";
                r.warehouseId = e.warehouseId();
                r.receivedAt = e.receivedAt();
            }
            case ReturnInspected e -> {
                Return r = s.returnOf(e.returnId());
                r.status = "INSPECTED";
                r.warehouseId = e.warehouseId();
                r.inspectedAt = e.inspectedAt();
                r.inspected.addAll(e.lines());
            }
            case OrderRefundEarmarked e -> {
                s.refunds.put(e.refundId(), new Refund(e.refundId(), e.amount(), e.source(), e.returnId(),
                        e.earmarkedAt()));
                s.earmarked = s.earmarked.add(e.amount().amount());
            }
            case OrderRefundApproved e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "APPROVED";
                r.approvedAt = e.approvedAt();
            }
            case OrderRefundReleased e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "RELEASED";
                r.releaseReason = e.reason();
                r.endedAt = e.releasedAt();
                s.earmarked = s.earmarked.subtract(e.amount().amount());
            }
            case OrderRefunded e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "REFUNDED";
                r.paymentReference = e.paymentReference();
                r.endedAt = e.refundedAt();
                s.earmarked = s.earmarked.subtract(e.amount().amount());
                s.refunded = s.refunded.add(e.amount().amount());
            }
        }
        // after every event: the derived figures follow from what the events recorded
        s.refresh();
    }

    private static void placed(OrderState s, OrderPlaced e) {
        s.channelId = e.channelId();
        s.channelOrderRef = e.channelOrderRef();
        s.customerId = e.customerId();
        s.currency = e.currency();
        s.pricesIncludeTax = e.pricesIncludeTax();
        s.shippingCharge = e.shippingCharge();
        s.promisedShipDate = e.promisedShipDate();
        s.placedAt = e.placedAt();
        for (OrderLine l : e.lines()) {
            s.lines.put(l.lineNo(), new Line(l.lineNo(), l.sku(), l.quantity(), l.unitPrice(), l.discount(),
                    l.taxAmount()));
        }
        for (LineAllocation a : e.allocations()) {
            s.allocation(a.lineNo(), a.sku(), a.warehouseId()).reserved += a.quantity();
            s.line(a.lineNo()).allocated += a.quantity();
        }
        for (LineBackorder b : e.backorders()) {
            s.line(b.lineNo()).backordered += b.quantity();
        }
    }
}
