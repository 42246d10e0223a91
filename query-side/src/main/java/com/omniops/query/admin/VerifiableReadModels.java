package com.omniops.query.admin;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_LISTING;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_PRODUCT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_RETURN;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_REFUND;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_WAREHOUSE_STEP;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_IN_TRANSIT;
import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL;
import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.MASTER_LISTING;
import static com.omniops.projections.jooq.Tables.MASTER_PRODUCT;
import static com.omniops.projections.jooq.Tables.MASTER_STOCK_ITEM;

import com.omniops.projections.availability.AvailabilityProjector;
import com.omniops.projections.masterdata.MasterDataProjector;
import com.omniops.projections.orderboard.OrderBoardProjector;
import com.omniops.projections.support.IsolatedWrite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The read models that {@code POST /api/admin/processors/{name}/verify} can recompute: the processing group, its
 * tables, and how to build its projector over another {@link DSLContext} (one bound to a scratch schema). A new read
 * model becomes verifiable by adding one line here.
 */
@Component
public class VerifiableReadModels {

    public record ReadModel(String processingGroup, List<Table<?>> tables,
                            BiFunction<DSLContext, IsolatedWrite, Object> projector) {
    }

    private final Map<String, ReadModel> models = Map.of(
            AvailabilityProjector.PROCESSING_GROUP, new ReadModel(AvailabilityProjector.PROCESSING_GROUP,
                    List.of(AVAILABILITY_CHANNEL, AVAILABILITY_CHANNEL_WAREHOUSE, AVAILABILITY_PRODUCT,
                            AVAILABILITY_LISTING, AVAILABILITY_STOCK, AVAILABILITY_IN_TRANSIT),
                    AvailabilityProjector::new),
            OrderBoardProjector.PROCESSING_GROUP, new ReadModel(OrderBoardProjector.PROCESSING_GROUP,
                    List.of(ORDER_BOARD_ORDER, ORDER_BOARD_LINE, ORDER_BOARD_ALLOCATION, ORDER_BOARD_SHIPMENT,
                            ORDER_BOARD_SHIPMENT_LINE, ORDER_BOARD_RETURN, ORDER_BOARD_REFUND,
                            ORDER_BOARD_WAREHOUSE_STEP),
                    OrderBoardProjector::new),
            MasterDataProjector.PROCESSING_GROUP, new ReadModel(MasterDataProjector.PROCESSING_GROUP,
                    List.of(MASTER_PRODUCT, MASTER_LISTING, MASTER_CHANNEL, MASTER_CHANNEL_WAREHOUSE,
                            MASTER_STOCK_ITEM), MasterDataProjector::new));

    public Optional<ReadModel> find(String processingGroup) {
        return Optional.ofNullable(models.get(processingGroup));
    }
}
