package com.omniops.query.audit.explain;

import com.omniops.events.StreamIds;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.query.audit.explain.AvailabilityExplanation.StockStep;
import com.omniops.query.audit.explain.AvailabilityExplanation.WarehouseExplanation;
import com.omniops.query.audit.state.AggregateStates;
import com.omniops.query.audit.state.BusinessTime;
import com.omniops.query.audit.state.ChannelStateFolder;
import com.omniops.query.audit.state.ChannelStateFolder.ChannelState;
import com.omniops.query.audit.state.ProductStateFolder;
import com.omniops.query.audit.state.ProductStateFolder.ProductState;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.ErrorCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Explains an available-to-sell figure from the event stream, independently of the availability read model: the
 * channel's events give its warehouses and safety buffer, the product's events whether it is listed and active, and
 * each stock item's events the on-hand and reserved quantities, re-added event by event.
 */
@Component
public class AvailabilityExplainer {

    private final AggregateStates states;
    private final ChannelStateFolder channels;
    private final ProductStateFolder products;
    private final EventStore eventStore;

    public AvailabilityExplainer(AggregateStates states, ChannelStateFolder channels, ProductStateFolder products,
                                 EventStore eventStore) {
        this.states = states;
        this.channels = channels;
        this.products = products;
        this.eventStore = eventStore;
    }

    public AvailabilityExplanation explain(String channelId, String sku) {
        Instant now = Clock.systemUTC().instant();
        ChannelState channel;
        try {
            channel = states.typedStateAt(channels, StreamIds.channel(channelId), now);
        } catch (ApiException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.UNKNOWN_CHANNEL,
                    "Channel '" + channelId + "' is not registered.");
        }
        ProductState product = null;
        try {
            product = states.typedStateAt(products, sku, now);
        } catch (ApiException e) {
            // an unknown SKU explains as zero everywhere and not shown
        }
        var listing = product == null ? null : product.listings().get(channelId);
        boolean active = product != null && product.active();

        List<WarehouseExplanation> warehouses = new ArrayList<>();
        int priority = 0;
        int sum = 0;
        for (String warehouseId : channel.warehouseIds()) {
            WarehouseExplanation w = warehouse(++priority, warehouseId, sku);
            warehouses.add(w);
            sum += w.available();
        }
        int availableToSell = Math.max(0, sum - channel.safetyBuffer());
        String arithmetic = "max(0, (" + (warehouses.isEmpty() ? "0" : warehouses.stream()
                .map(w -> Integer.toString(w.available())).collect(Collectors.joining(" + ")))
                + ") − safetyBuffer " + channel.safetyBuffer() + ") = " + availableToSell;
        return new AvailabilityExplanation(channelId, sku, listing == null ? null : listing.channelSku(),
                listing != null, active, listing != null && active, warehouses, sum, channel.safetyBuffer(),
                availableToSell, arithmetic);
    }

    private WarehouseExplanation warehouse(int priority, String warehouseId, String sku) {
        String stockItemId = stockItemId(warehouseId, sku);
        List<StockStep> steps = new ArrayList<>();
        int onHand = 0;
        int reserved = 0;
        DomainEventStream events = eventStore.readEvents(stockItemId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (!(message.getPayload() instanceof StockItemEvent event)) {
                continue;
            }
            int onHandDelta = 0;
            int reservedDelta = 0;
            String reference;
            if (event instanceof StockReceived e) {
                onHandDelta = e.quantity();
                reference = e.source() + (e.reference() == null ? "" : " " + e.reference());
            } else if (event instanceof StockReserved e) {
                reservedDelta = e.quantity();
                reference = "order " + e.orderId() + " line " + e.lineNo();
            } else if (event instanceof StockReservationReleased e) {
                reservedDelta = -e.quantity();
                reference = "order " + e.orderId() + " line " + e.lineNo()
                        + (e.reason() == null ? "" : " (" + e.reason() + ")");
            } else if (event instanceof StockIssued e) {
                onHandDelta = -e.quantity();
                reservedDelta = -e.quantity();
                reference = "order " + e.orderId() + " line " + e.lineNo() + " shipment " + e.shipmentId();
            } else if (event instanceof StockAdjusted e) {
                onHandDelta = e.quantityDelta();
                reference = e.reason() + (e.note() == null ? "" : " " + e.note());
            } else {
                reference = null;
            }
            onHand += onHandDelta;
            reserved += reservedDelta;
            steps.add(new StockStep(message.getSequenceNumber(), event.getClass().getSimpleName(),
                    message.getTimestamp(), BusinessTime.of(event), onHandDelta, reservedDelta, onHand, reserved,
                    reference, onHand == event.onHandAfter() && reserved == event.reservedAfter()));
        }
        int available = Math.max(0, onHand - reserved);
        return new WarehouseExplanation(priority, warehouseId, stockItemId, onHand, reserved, available,
                "max(0, onHand " + onHand + " − reserved " + reserved + ") = " + available, steps);
    }

    /**
     * A stock item's aggregate id is "warehouse:sku" — the id format the command side documents for StockItem (the
     * query side may not import it, so the rule is restated here).
     */
    static String stockItemId(String warehouseId, String sku) {
        return StreamIds.stockItem(warehouseId, sku);
    }
}
