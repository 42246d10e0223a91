package com.omniops.query.returns;

import com.omniops.projections.returns.ReturnsPage;
import com.omniops.projections.returns.ReturnsReadModel;
import com.omniops.projections.support.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class ListReturnsHandler {

    private final ReturnsReadModel readModel;

    ListReturnsHandler(ReturnsReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    ReturnsPage handle(ListReturns query) {
        return readModel.find(query.orderId(), query.status(), query.reason(), query.disposition(),
                new PageRequest(query.page(), query.size()));
    }
}
