package com.omniops.command.demo;

import com.omniops.command.purchasing.confirm.ConfirmPurchaseOrder;
import com.omniops.command.purchasing.draft.DraftPurchaseOrder;
import com.omniops.command.purchasing.receive.ReceivePurchaseOrder;
import com.omniops.command.purchasing.submit.SubmitPurchaseOrder;
import com.omniops.events.StreamIds;
import com.omniops.events.purchasing.PurchaseOrderOrigin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weekly purchasing: per warehouse and supplier, one purchase order for the SKUs running low (counting what is
 * already on order), submitted at once, confirmed the next day and received after the supplier's lead time.
 */
final class DemoPurchasing {

    private final DemoRun run;
    /** Units ordered and not yet received, per stock item. */
    private final Map<String, Integer> onOrder = new HashMap<>();
    private int purchaseOrders;

    DemoPurchasing(DemoRun run) {
        this.run = run;
    }

    void replenish(List<DemoCatalog.Item> items) {
        for (String warehouse : DemoMasterData.WAREHOUSES) {
            Map<String, List<DraftPurchaseOrder.Line>> bySupplier = new TreeMap<>();
            for (DemoCatalog.Item item : items) {
                String stockItemId = StreamIds.stockItem(warehouse, item.sku());
                int left = run.estimatedAvailable.getOrDefault(stockItemId, 0) + onOrder.getOrDefault(stockItemId, 0);
                int target = 25 + item.popularity() * 8;
                if (left < target / 2) {
                    int quantity = Math.max(DemoMasterData.SUPPLIER_MINIMUM, ((target - left + 5) / 6) * 6);
                    BigDecimal cost = item.unitCost().multiply(BigDecimal.valueOf(0.95 + run.random.nextDouble() * 0.1))
                            .setScale(2, RoundingMode.HALF_UP);
                    bySupplier.computeIfAbsent(DemoMasterData.supplierOf(item), s -> new ArrayList<>())
                            .add(new DraftPurchaseOrder.Line(item.sku(), quantity, cost));
                    onOrder.merge(stockItemId, quantity, Integer::sum);
                }
            }
            bySupplier.forEach((supplier, lines) -> purchase(supplier, warehouse, lines));
        }
    }

    private void purchase(String supplierId, String warehouse, List<DraftPurchaseOrder.Line> lines) {
        String purchaseOrderId = "PO-DEMO-" + (++purchaseOrders);
        run.send(new DraftPurchaseOrder(purchaseOrderId, supplierId, warehouse, lines, PurchaseOrderOrigin.MANUAL));
        run.send(new SubmitPurchaseOrder(purchaseOrderId));
        Instant now = run.clock.instant();
        long sequence = 3_000_000L + purchaseOrders * 10;
        run.schedule(now.plus(Duration.ofDays(1)), sequence, () ->
                run.send(new ConfirmPurchaseOrder(purchaseOrderId, null, List.of())));
        int leadDays = DemoMasterData.leadDays(supplierId);
        run.schedule(now.plus(Duration.ofDays(leadDays)).plusSeconds(run.random.nextInt(20_000)), sequence + 1,
                () -> {
                    List<ReceivePurchaseOrder.Line> received = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        received.add(new ReceivePurchaseOrder.Line(i + 1, lines.get(i).quantity()));
                    }
                    run.send(new ReceivePurchaseOrder(purchaseOrderId, "GRN-" + purchaseOrderId, received));
                    lines.forEach(l -> {
                        String stockItemId = StreamIds.stockItem(warehouse, l.sku());
                        onOrder.merge(stockItemId, -l.quantity(), Integer::sum);
                        run.estimatedAvailable.merge(stockItemId, l.quantity(), Integer::sum);
                    });
                });
    }
}
