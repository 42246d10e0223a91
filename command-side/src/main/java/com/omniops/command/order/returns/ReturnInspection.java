package com.omniops.command.order.returns;

import com.omniops.command.order.Order;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.returns.ReturnToStock;
import com.omniops.events.StreamIds;
import com.omniops.events.order.InspectedLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.omniops.command.order.SameTransaction.execute;
import static com.omniops.command.order.SameTransaction.loadOrder;

/**
 * Records a return's inspection on the order and routes every disposition to the receiving warehouse's stock items,
 * in one unit of work (ADR-1): the order first, then its stock items in ascending id order. Either the inspection
 * and all its stock movements are stored, or none.
 */
@Component
public class ReturnInspection {

    private final Repository<Order> orders;
    private final Repository<StockItem> stockItems;

    public ReturnInspection(Repository<Order> orders, Repository<StockItem> stockItems) {
        this.orders = orders;
        this.stockItems = stockItems;
    }

    @CommandHandler
    public InspectionResult handle(InspectReturn command) {
        Aggregate<Order> order = loadOrder(orders, command.orderId());
        ReturnResult inspected = execute(order, new RecordReturnInspection(command.orderId(), command.returnId(),
                command.lines()));
        Map<String, List<InspectedLine>> perStockItem = new TreeMap<>(); // ascending id = lock order
        for (InspectedLine line : inspected.inspected()) {
            perStockItem.computeIfAbsent(StreamIds.stockItem(inspected.warehouseId(), line.sku()), id -> new ArrayList<>())
                    .add(line);
        }
        List<StockLevel> levels = new ArrayList<>();
        perStockItem.forEach((id, lines) -> {
            Aggregate<StockItem> item = stockItems.load(id);
            StockLevel level = null;
            for (InspectedLine line : lines.stream().sorted(Comparator.comparingInt(InspectedLine::lineNo)).toList()) {
                level = execute(item, new ReturnToStock(id, command.orderId(), command.returnId(), line.lineNo(),
                        line.quantity(), line.disposition()));
            }
            levels.add(level);
        });
        return new InspectionResult(inspected, levels);
    }
}
