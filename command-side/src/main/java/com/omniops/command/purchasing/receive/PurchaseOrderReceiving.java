package com.omniops.command.purchasing.receive;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderView;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.events.Money;
import com.omniops.events.purchasing.ReceivedLine;
import com.omniops.events.stock.ReceiptSource;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItems;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Books a goods receipt on the purchase order and puts the units into stock at the order's unit cost, in one unit of
 * work: the order's received quantities and the stock can never disagree.
 */
@Component
public class PurchaseOrderReceiving {

    private final Repository<PurchaseOrder> purchaseOrders;
    private final Repository<StockItem> stockItems;

    public PurchaseOrderReceiving(Repository<PurchaseOrder> purchaseOrders, Repository<StockItem> stockItems) {
        this.purchaseOrders = purchaseOrders;
        this.stockItems = stockItems;
    }

    public record Result(PurchaseOrderView purchaseOrder, String receiptId, List<ReceivedLine> lines) {
    }

    @CommandHandler
    public Result handle(ReceivePurchaseOrder command) {
        Aggregate<PurchaseOrder> order;
        try {
            order = purchaseOrders.load(command.purchaseOrderId());
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.PURCHASE_ORDER_NOT_FOUND,
                    "There is no purchase order " + command.purchaseOrderId() + ".");
        }
        List<ReceivedLine> received = execute(order, new RecordGoodsReceipt(command.purchaseOrderId(),
                command.receiptId(), command.lines()));
        String warehouseId = order.invoke(PurchaseOrder::warehouseId);
        String currency = order.invoke(PurchaseOrder::currency);
        received.stream().sorted(Comparator.comparing(ReceivedLine::sku)).forEach(line -> {
            String stockItemId = StreamIds.stockItem(warehouseId, line.sku());
            try {
                execute(stockItems.loadOrCreate(stockItemId, StockItems::empty), new ReceiveStock(stockItemId,
                        warehouseId, line.sku(), line.quantity(), new Money(line.unitCost(), currency),
                        ReceiptSource.PURCHASE_ORDER, command.purchaseOrderId()));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Result(order.invoke(PurchaseOrder::view), command.receiptId(), received);
    }
}
