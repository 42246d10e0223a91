package com.omniops.query.refunds;

import com.omniops.projections.refunds.RefundView;
import com.omniops.projections.refunds.RefundsPage;
import com.omniops.projections.refunds.RefundsReadModel;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class RefundQueryHandlers {

    private final RefundsReadModel readModel;

    RefundQueryHandlers(RefundsReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    RefundsPage handle(ListRefunds query) {
        return readModel.list(query.status(), query.orderId(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<RefundView> handle(GetRefund query) {
        return readModel.find(query.refundId());
    }
}
