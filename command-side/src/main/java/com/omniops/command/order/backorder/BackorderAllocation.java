package com.omniops.command.order.backorder;

import com.omniops.command.lookup.BackorderQueue;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.order.Order;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.reserve.ReserveBackorder;
import com.omniops.events.StreamIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Fills waiting backorders from a stock item's available units, first by promised ship date, then by placement time,
 * in one unit of work: the stock reservations, the orders' allocations and the queue change together. Orders are
 * locked before the stock item, in id order, like cancellations and shipments do, so these never deadlock.
 */
@Component
public class BackorderAllocation {

    private static final Logger log = LoggerFactory.getLogger(BackorderAllocation.class);
    private static final int BATCH = 100;

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;
    private final BackorderQueue queue;
    private final StockItemRegistry registry;

    public BackorderAllocation(Repository<Order> orders, Repository<StockItem> stockItems, BackorderQueue queue,
                               StockItemRegistry registry) {
        this.orders = orders;
        this.stockItems = stockItems;
        this.queue = queue;
        this.registry = registry;
    }

    /** Returns the number of units allocated. */
    @CommandHandler
    public int handle(AllocateBackorders command) {
        if (!registry.exists(command.warehouseId(), command.sku())) {
            return 0;
        }
        List<BackorderQueue.Waiting> waiting = queue.waitingFor(command.warehouseId(), command.sku(), BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<String, Aggregate<Order>> loaded = new TreeMap<>();
        waiting.stream().map(BackorderQueue.Waiting::orderId).sorted().distinct()
                .forEach(id -> loaded.put(id, orders.load(id)));
        String stockItemId = StreamIds.stockItem(command.warehouseId(), command.sku());
        Aggregate<StockItem> stock = stockItems.load(stockItemId);
        int available = stock.invoke(StockItem::available);
        int allocated = 0;
        for (BackorderQueue.Waiting line : waiting) {
            if (available == 0) {
                break;
            }
            int quantity = Math.min(available, line.quantity());
            execute(stock, new ReserveBackorder(stockItemId, line.orderId(), line.lineNo(), quantity));
            execute(loaded.get(line.orderId()), new RecordBackorderAllocation(line.orderId(), line.lineNo(),
                    command.warehouseId(), quantity));
            queue.allocated(line.orderId(), line.lineNo(), quantity);
            available -= quantity;
            allocated += quantity;
        }
        if (allocated > 0) {
            log.info("Allocated {} units of {} in {} to backorders", allocated, command.sku(), command.warehouseId());
        }
        return allocated;
    }
}
