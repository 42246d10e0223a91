package com.omniops.command.transfer.ship;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.transfer.TransferStockOut;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferView;
import com.omniops.command.transfer.Transfers;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.omniops.command.order.SameTransaction.execute;

/**
 * Ships a transfer in one unit of work (ADR-1): the transfer records the shipment with each line's unit cost, and
 * each source stock item gives up the units (only available ones). The stock items involved — the sources and the
 * destinations that already exist, whose currency must match — are loaded and locked in ascending id order.
 */
@Component
public class TransferShipping {

    private final Repository<Transfer> transfers;
    private final Repository<StockItem> stockItems;
    private final StockItemRegistry registry;

    public TransferShipping(Repository<Transfer> transfers, Repository<StockItem> stockItems,
                            StockItemRegistry registry) {
        this.transfers = transfers;
        this.stockItems = stockItems;
        this.registry = registry;
    }

    @CommandHandler
    public TransferView handle(ShipTransfer command) {
        Aggregate<Transfer> transfer = Transfers.load(transfers, command.transferId());
        Transfer.Plan plan = transfer.invoke(Transfer::plan);
        TreeSet<String> ids = new TreeSet<>();
        for (TransferLine line : plan.lines()) {
            ids.add(StreamIds.stockItem(plan.fromWarehouseId(), line.sku()));
            if (registry.exists(plan.toWarehouseId(), line.sku())) {
                ids.add(StreamIds.stockItem(plan.toWarehouseId(), line.sku()));
            }
        }
        Map<String, Aggregate<StockItem>> items = new TreeMap<>();
        for (String id : ids) {
            items.put(id, load(id));
        }
        List<ShippedTransferLine> shipped = new ArrayList<>();
        for (TransferLine line : plan.lines()) {
            StockLevel source = items.get(StreamIds.stockItem(plan.fromWarehouseId(), line.sku())).invoke(StockItem::level);
            Aggregate<StockItem> destination = items.get(StreamIds.stockItem(plan.toWarehouseId(), line.sku()));
            if (destination != null) {
                String currency = destination.invoke(StockItem::level).currency();
                BusinessRuleViolation.require(source.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                        line.sku() + " is valued in " + source.currency() + " in " + plan.fromWarehouseId()
                                + " but in " + currency + " in " + plan.toWarehouseId() + "; it cannot be moved at cost.");
            }
            shipped.add(new ShippedTransferLine(line.lineNo(), line.sku(), line.quantity(),
                    new Money(source.averageUnitCost(), source.currency())));
        }
        TransferView view = execute(transfer, new RecordTransferShipment(command.transferId(), shipped,
                command.carrier(), command.trackingNumber()));
        plan.lines().stream()
                .sorted(Comparator.comparing(TransferLine::sku))
                .forEach(line -> {
                    String id = StreamIds.stockItem(plan.fromWarehouseId(), line.sku());
                    execute(items.get(id), new TransferStockOut(id, plan.transferId(), plan.toWarehouseId(),
                            line.quantity()));
                });
        return view;
    }

    private Aggregate<StockItem> load(String stockItemId) {
        try {
            return stockItems.load(stockItemId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.STOCK_ITEM_NOT_FOUND, "There is no stock item " + stockItemId
                    + ".");
        }
    }
}
