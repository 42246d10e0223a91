package com.omniops.query.settlements;

import com.omniops.projections.settlements.SettlementViews.DifferencePage;
import com.omniops.projections.settlements.SettlementViews.RowPage;
import com.omniops.projections.settlements.SettlementViews.Settlement;
import com.omniops.projections.settlements.SettlementViews.SettlementPage;
import com.omniops.projections.settlements.SettlementsReadModel;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.settlements.SettlementQueries.GetSettlement;
import com.omniops.query.settlements.SettlementQueries.ListOrderDifferences;
import com.omniops.query.settlements.SettlementQueries.ListSettlementRows;
import com.omniops.query.settlements.SettlementQueries.ListSettlements;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class SettlementQueryHandlers {

    private final SettlementsReadModel readModel;

    SettlementQueryHandlers(SettlementsReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    SettlementPage handle(ListSettlements query) {
        return readModel.list(query.filter(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<Settlement> handle(GetSettlement query) {
        return readModel.find(query.settlementId());
    }

    @QueryHandler
    DifferencePage handle(ListOrderDifferences query) {
        return readModel.differences(query.filter(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    RowPage handle(ListSettlementRows query) {
        return readModel.rows(query.filter(), new PageRequest(query.page(), query.size()));
    }
}
