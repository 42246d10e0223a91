package com.omniops.command.order.ship;

import com.omniops.command.order.Order;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.issue.IssueStock;
import com.omniops.events.StreamIds;
import com.omniops.events.order.ShippedLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/** Records a shipment on the order and issues the shipped units from stock in the same transaction. */
@Component
public class OrderShipping {

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;

    public OrderShipping(Repository<Order> orders, Repository<StockItem> stockItems) {
        this.orders = orders;
        this.stockItems = stockItems;
    }

    @CommandHandler
    public ShipmentResult handle(ShipOrder command) {
        Aggregate<Order> order = loadOrder(orders, command.orderId());
        List<ShippedLine> shipped = execute(order, new RecordShipment(command.orderId(), command.shipmentId(),
                command.warehouseId(), command.lines(), command.carrier(), command.trackingNumber(),
                command.shippingCost(), command.shippedAt()));
        // the units leave stock when the shipment left, so demand and cost of goods fall on the right day
        Instant shippedAt = order.invoke(o -> o.shippedAt(command.shipmentId()));
        shipped.stream()
                .sorted(Comparator.comparing(ShippedLine::sku).thenComparingInt(ShippedLine::lineNo))
                .forEach(line -> {
                    String id = StreamIds.stockItem(command.warehouseId(), line.sku());
                    execute(stockItems.load(id), new IssueStock(id, command.orderId(), line.lineNo(),
                            command.shipmentId(), line.quantity(), shippedAt));
                });
        return new ShipmentResult(command.orderId(), command.shipmentId(), command.warehouseId(),
                order.invoke(Order::status), shipped, order.invoke(Order::fulfilment));
    }
}
