package com.omniops.command.demo;

import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockLevel;
import com.omniops.command.stock.count.ApproveStockCount;
import com.omniops.command.stock.count.CountResult;
import com.omniops.command.stock.count.CountStatus;
import com.omniops.command.stock.count.RecordStockCount;
import com.omniops.command.transfer.receive.ReceiveTransfer;
import com.omniops.command.transfer.request.RequestTransfer;
import com.omniops.command.transfer.ship.ShipTransfer;
import com.omniops.events.StreamIds;
import com.omniops.support.security.Role;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The warehouses' own work in the demo: cycle counts every two weeks, and now and then a transfer to the 3PL. */
final class DemoStockkeeping {

    private final DemoRun run;
    private final Repository<StockItem> stockItems;
    private int counts;
    private int transfers;

    DemoStockkeeping(DemoRun run, Repository<StockItem> stockItems) {
        this.run = run;
        this.stockItems = stockItems;
    }

    /** A few stock items are counted; most agree with the books, some are off by a unit or two. */
    void countSomeStock(List<DemoCatalog.Item> items) {
        for (int i = 0; i < 6; i++) {
            DemoCatalog.Item item = items.get(run.random.nextInt(items.size()));
            String warehouse = DemoMasterData.WAREHOUSES.get(run.random.nextInt(DemoMasterData.WAREHOUSES.size()));
            String stockItemId = StreamIds.stockItem(warehouse, item.sku());
            StockLevel book = stockLevel(stockItemId);
            if (book == null) {
                continue;
            }
            int[] variances = {0, 0, 0, 0, -1, 1, -2, -8};
            int counted = Math.max(book.reserved(), book.onHand() + variances[run.random.nextInt(variances.length)]);
            CountResult result = run.send(new RecordStockCount(stockItemId, "CNT-" + UUID.randomUUID(), counted,
                    "cycle count", DemoDataLoader.LOADER));
            if (result.status() == CountStatus.PENDING && run.random.nextBoolean()) {
                // a finance user looks at the bigger variance the next morning
                String countId = result.countId();
                run.schedule(run.clock.instant().plus(Duration.ofHours(14)), 4_000_000L + (++counts), () ->
                        run.as("finance", Role.FINANCE, () -> run.send(new ApproveStockCount(stockItemId, countId,
                                "finance", "checked the bin: confirmed"))));
            } else if (result.status() == CountStatus.PENDING) {
                pending.add(new PendingCount(stockItemId, result.countId(), run.clock.instant()));
            }
        }
    }

    /** A count left waiting for approval, which the month's close has to decide ({@link DemoBooks}). */
    record PendingCount(String stockItemId, String countId, Instant countedAt) {
    }

    /** Counts still waiting for approval, oldest first. */
    final List<PendingCount> pending = new ArrayList<>();

    /** The south warehouse refills the 3PL with a few best sellers. */
    void transferSomeStock(List<DemoCatalog.Item> items) {
        List<RequestTransfer.Line> lines = items.stream().filter(i -> i.popularity() >= 8).limit(3)
                .map(i -> new RequestTransfer.Line(i.sku(), 6)).toList();
        String transferId = "TR-DEMO-" + (++transfers);
        run.send(new RequestTransfer(transferId, "WH-SOUTH", "3PL-EAST", lines, "refill the 3PL"));
        run.send(new ShipTransfer(transferId, "DHL Freight", "TRF" + (100_000 + transfers)));
        lines.forEach(l -> run.estimatedAvailable.merge(StreamIds.stockItem("WH-SOUTH", l.sku()), -l.quantity(),
                Integer::sum));
        run.schedule(run.clock.instant().plus(Duration.ofDays(2)), 5_000_000L + transfers, () -> {
            run.send(new ReceiveTransfer(transferId, "TRR-" + transferId, List.of()));
            lines.forEach(l -> run.estimatedAvailable.merge(StreamIds.stockItem("3PL-EAST", l.sku()), l.quantity(),
                    Integer::sum));
        });
    }

    /** The stock item's level as its aggregate knows it, or null if nothing was ever received there. */
    /** What the stock item can still promise now (0 when it does not exist). */
    int available(String stockItemId) {
        StockLevel level = stockLevel(stockItemId);
        return level == null ? 0 : level.available();
    }

    private StockLevel stockLevel(String stockItemId) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            try {
                return stockItems.load(stockItemId).invoke(StockItem::level);
            } catch (AggregateNotFoundException e) {
                return null;
            }
        }).getPayload();
    }
}
