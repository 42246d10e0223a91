package com.omniops.query.purchasing;

import com.omniops.projections.purchasing.PurchaseOrderDetails;
import com.omniops.projections.purchasing.PurchasingReadModel;
import com.omniops.projections.support.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class PurchasingQueryHandlers {

    private final PurchasingReadModel readModel;

    PurchasingQueryHandlers(PurchasingReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    PurchasingReadModel.SummaryPage handle(PurchasingQueries.ListPurchaseOrders query) {
        return readModel.list(query.status(), query.supplierId(), query.warehouseId(), query.sku(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<PurchaseOrderDetails> handle(PurchasingQueries.GetPurchaseOrder query) {
        return readModel.find(query.purchaseOrderId());
    }

    @QueryHandler
    PurchasingReadModel.IncomingPage handle(PurchasingQueries.GetIncomingStock query) {
        return readModel.incoming(query.sku(), query.warehouseId(), new PageRequest(query.page(), query.size()));
    }
}
