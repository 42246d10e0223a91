package com.omniops.query.transfers;

import com.omniops.projections.support.PageRequest;
import com.omniops.projections.transfers.TransferView;
import com.omniops.projections.transfers.TransfersPage;
import com.omniops.projections.transfers.TransfersReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class TransferQueryHandlers {

    private final TransfersReadModel readModel;

    TransferQueryHandlers(TransfersReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    TransfersPage handle(ListTransfers query) {
        return readModel.list(query.status(), query.fromWarehouseId(), query.toWarehouseId(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<TransferView> handle(GetTransfer query) {
        return readModel.find(query.transferId());
    }
}
