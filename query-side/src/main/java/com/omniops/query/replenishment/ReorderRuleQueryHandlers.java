package com.omniops.query.replenishment;

import com.omniops.projections.replenishment.ReorderRuleView;
import com.omniops.projections.replenishment.ReorderRulesPage;
import com.omniops.projections.replenishment.ReorderRulesReadModel;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class ReorderRuleQueryHandlers {

    private final ReorderRulesReadModel readModel;

    ReorderRuleQueryHandlers(ReorderRulesReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    ReorderRulesPage handle(ListReorderRules query) {
        return readModel.list(query.warehouseId(), query.sku(), query.supplierId(), query.method(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<ReorderRuleView> handle(GetReorderRule query) {
        return readModel.find(query.warehouseId(), query.sku());
    }
}
