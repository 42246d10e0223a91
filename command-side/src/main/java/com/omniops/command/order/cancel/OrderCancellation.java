package com.omniops.command.order.cancel;

import com.omniops.command.lookup.BackorderQueue;
import com.omniops.command.order.Order;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.release.ReleaseReservation;
import com.omniops.events.StreamIds;
import com.omniops.events.order.LineAllocation;
import com.omniops.command.refund.request.RefundRequests;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.request.RequestRefund;
import com.omniops.events.refund.RefundSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/**
 * Cancels an order, releases its reservations and, when money was captured, requests its refund (source
 * CANCELLATION, awaiting finance approval) — all in the same transaction.
 */
@Component
public class OrderCancellation {

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;
    private final RefundRequests refunds;
    private final BackorderQueue backorderQueue;

    public OrderCancellation(Repository<Order> orders, Repository<StockItem> stockItems, RefundRequests refunds,
                             BackorderQueue backorderQueue) {
        this.orders = orders;
        this.stockItems = stockItems;
        this.refunds = refunds;
        this.backorderQueue = backorderQueue;
    }

    @CommandHandler
    public CancellationResult handle(CancelOrder command) {
        Aggregate<Order> order = loadOrder(orders, command.orderId());
        List<LineAllocation> released = execute(order, new RecordOrderCancellation(command.orderId(),
                command.reason()));
        released.stream()
                .sorted(Comparator.comparing((LineAllocation a) -> StreamIds.stockItem(a.warehouseId(), a.sku()))
                        .thenComparingInt(LineAllocation::lineNo))
                .forEach(a -> {
                    String id = StreamIds.stockItem(a.warehouseId(), a.sku());
                    execute(stockItems.load(id), new ReleaseReservation(id, command.orderId(), a.lineNo(),
                            "order cancelled: " + command.reason()));
                });
        backorderQueue.remove(command.orderId()); // nothing waits for stock any more
        BigDecimal refundable = order.invoke(Order::refundable);
        RefundResult refund = refundable.signum() > 0 && command.refundId() != null
                ? refunds.request(order, new RequestRefund(command.orderId(), command.refundId(), refundable, null,
                List.of(), "order cancelled: " + command.reason(), RefundSource.CANCELLATION, null))
                : null;
        return new CancellationResult(command.orderId(), order.invoke(Order::status), released, refund);
    }
}
