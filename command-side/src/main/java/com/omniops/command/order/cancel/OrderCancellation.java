package com.omniops.command.order.cancel;

import com.omniops.command.order.Order;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemId;
import com.omniops.command.stock.release.ReleaseReservation;
import com.omniops.events.order.LineAllocation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/** Cancels an order and releases its reservations in the same transaction. */
@Component
public class OrderCancellation {

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;

    public OrderCancellation(Repository<Order> orders, Repository<StockItem> stockItems) {
        this.orders = orders;
        this.stockItems = stockItems;
    }

    @CommandHandler
    public CancellationResult handle(CancelOrder command) {
        Aggregate<Order> order = loadOrder(orders, command.orderId());
        List<LineAllocation> released = execute(order, new RecordOrderCancellation(command.orderId(),
                command.reason()));
        released.stream()
                .sorted(Comparator.comparing((LineAllocation a) -> StockItemId.of(a.warehouseId(), a.sku()))
                        .thenComparingInt(LineAllocation::lineNo))
                .forEach(a -> {
                    String id = StockItemId.of(a.warehouseId(), a.sku());
                    execute(stockItems.load(id), new ReleaseReservation(id, command.orderId(), a.lineNo(),
                            "order cancelled: " + command.reason()));
                });
        return new CancellationResult(command.orderId(), order.invoke(Order::status), released);
    }
}
