package com.omniops.query.replenishment;

import com.omniops.projections.replenishment.RecommendationPage;
import com.omniops.projections.replenishment.ReplenishmentReadModel;
import com.omniops.projections.support.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

@Component
class GetRecommendationsHandler {

    private final ReplenishmentReadModel readModel;
    private final Clock clock;

    GetRecommendationsHandler(ReplenishmentReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    @QueryHandler
    RecommendationPage handle(GetRecommendations query) {
        return readModel.recommendations(query.warehouseId(), query.sku(), LocalDate.now(clock), query.demandDays(),
                new PageRequest(query.page(), query.size()));
    }
}
