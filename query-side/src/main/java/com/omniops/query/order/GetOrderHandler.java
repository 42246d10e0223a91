package com.omniops.query.order;

import com.omniops.projections.orderboard.OrderBoardReadModel;
import com.omniops.projections.orderboard.OrderDetails;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class GetOrderHandler {

    private final OrderBoardReadModel readModel;

    GetOrderHandler(OrderBoardReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    Optional<OrderDetails> handle(GetOrder query) {
        return readModel.find(query.orderId());
    }
}
