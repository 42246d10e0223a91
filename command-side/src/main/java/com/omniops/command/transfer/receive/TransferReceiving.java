package com.omniops.command.transfer.receive;

import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItems;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferView;
import com.omniops.command.transfer.Transfers;
import com.omniops.events.StreamIds;
import com.omniops.events.stock.ReceiptSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Receives transferred units in one unit of work (ADR-1): the transfer books the receipt (never more than is in
 * transit), and each destination stock item — created if the warehouse never held the SKU — receives the units as a
 * TRANSFER_IN receipt at the unit cost they left the source with, so the value moves with them.
 */
@Component
public class TransferReceiving {

    private final Repository<Transfer> transfers;
    private final Repository<StockItem> stockItems;

    public TransferReceiving(Repository<Transfer> transfers, Repository<StockItem> stockItems) {
        this.transfers = transfers;
        this.stockItems = stockItems;
    }

    public record Result(TransferView transfer, String receiptId, List<StockLevel> stock) {
    }

    @CommandHandler
    public Result handle(ReceiveTransfer command) {
        Aggregate<Transfer> transfer = Transfers.load(transfers, command.transferId());
        List<ReceivedUnits> received = execute(transfer, new RecordTransferReceipt(command.transferId(),
                command.receiptId(), command.lines()));
        String warehouseId = transfer.invoke(Transfer::toWarehouseId);
        List<StockLevel> levels = new ArrayList<>();
        for (ReceivedUnits units : received.stream().sorted(Comparator.comparing(ReceivedUnits::sku)).toList()) {
            String id = StreamIds.stockItem(warehouseId, units.sku());
            levels.add(execute(loadOrCreate(id), new ReceiveStock(id, warehouseId, units.sku(), units.quantity(),
                    units.unitCost(), ReceiptSource.TRANSFER_IN, command.transferId())));
        }
        return new Result(transfer.invoke(Transfer::view), command.receiptId(), levels);
    }

    private Aggregate<StockItem> loadOrCreate(String stockItemId) {
        try {
            return stockItems.loadOrCreate(stockItemId, StockItems::empty);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
