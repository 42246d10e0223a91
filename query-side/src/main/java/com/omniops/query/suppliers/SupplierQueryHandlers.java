package com.omniops.query.suppliers;

import com.omniops.projections.purchasing.SupplierView;
import com.omniops.projections.purchasing.SuppliersPage;
import com.omniops.projections.purchasing.SuppliersReadModel;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class SupplierQueryHandlers {

    private final SuppliersReadModel readModel;

    SupplierQueryHandlers(SuppliersReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    SuppliersPage handle(ListSuppliers query) {
        return readModel.list(query.text(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<SupplierView> handle(GetSupplier query) {
        return readModel.find(query.supplierId());
    }
}
