package com.omniops.query.masterdata;

import com.omniops.projections.masterdata.ChannelView;
import com.omniops.projections.masterdata.ChannelsPage;
import com.omniops.projections.masterdata.MasterDataReadModel;
import com.omniops.projections.masterdata.ProductView;
import com.omniops.projections.masterdata.ProductsPage;
import com.omniops.projections.masterdata.WarehouseView;
import com.omniops.projections.masterdata.WarehousesPage;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class MasterDataQueryHandlers {

    private final MasterDataReadModel readModel;

    MasterDataQueryHandlers(MasterDataReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    ProductsPage handle(ListProducts query) {
        return readModel.products(query.status(), query.channelId(), query.text(), query.onlyThatChannelsListings(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<ProductView> handle(GetProduct query) {
        return readModel.product(query.sku(), query.listingsOfChannel());
    }

    @QueryHandler
    ChannelsPage handle(ListChannels query) {
        return readModel.channels(query.channelId(), query.type(), query.warehouseId(),
                new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<ChannelView> handle(GetChannel query) {
        return readModel.channel(query.channelId());
    }

    @QueryHandler
    WarehousesPage handle(ListWarehouses query) {
        return readModel.warehouses(query.channelId(), new PageRequest(query.page(), query.size()));
    }

    @QueryHandler
    Optional<WarehouseView> handle(GetWarehouse query) {
        return readModel.warehouse(query.warehouseId());
    }
}
