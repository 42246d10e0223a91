package com.omniops.query.counts;

import com.omniops.projections.counts.CountsPage;
import com.omniops.projections.counts.CountsReadModel;
import com.omniops.projections.support.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class ListCountsHandler {

    private final CountsReadModel readModel;

    ListCountsHandler(CountsReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    CountsPage handle(ListCounts query) {
        return readModel.list(query.warehouseId(), query.sku(), query.status(), new PageRequest(query.page(),
                query.size()));
    }
}
