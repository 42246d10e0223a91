package com.omniops.command.order.ship;

import com.omniops.command.order.fulfilment.Fulfilment;
import com.omniops.events.order.OrderStatus;
import com.omniops.events.order.ShippedLine;

import java.util.List;

public record ShipmentResult(String orderId, String shipmentId, String warehouseId, OrderStatus status,
                             List<ShippedLine> lines, Fulfilment fulfilment) {
}
