package com.omniops.query.order;

import com.omniops.projections.orderboard.OrderBoardReadModel;
import com.omniops.projections.orderboard.OrderSummaryPage;
import com.omniops.projections.support.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class ListOrdersHandler {

    private final OrderBoardReadModel readModel;

    ListOrdersHandler(OrderBoardReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    OrderSummaryPage handle(ListOrders query) {
        return readModel.list(query.channelId(), query.status(), new PageRequest(query.page(), query.size()));
    }
}
