package com.omniops.query.availability;

import com.omniops.projections.availability.AvailabilityPage;
import com.omniops.projections.availability.AvailabilityReadModel;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.QueryProblem;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class GetChannelAvailabilityHandler {

    private final AvailabilityReadModel readModel;

    GetChannelAvailabilityHandler(AvailabilityReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    AvailabilityPage handle(GetChannelAvailability query) {
        if (query.channelId() != null && !readModel.channelExists(query.channelId())) {
            String detail = "Channel '" + query.channelId() + "' is not registered.";
            throw new QueryExecutionException(detail, null, QueryProblem.of(QueryErrorCode.UNKNOWN_CHANNEL, detail));
        }
        return readModel.find(query.channelId(), query.sku(), query.lowestFirst(), new PageRequest(query.page(), query.size()));
    }
}
