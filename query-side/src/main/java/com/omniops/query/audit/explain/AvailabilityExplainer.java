package com.omniops.query.audit.explain;

import com.omniops.events.StreamIds;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.query.audit.explain.AvailabilityExplanation.StockStep;
import com.omniops.query.audit.explain.AvailabilityExplanation.WarehouseExplanation;
import com.omniops.query.audit.state.AggregateStates;
import com.omniops.query.audit.state.BusinessTime;
import com.omniops.query.audit.state.ChannelStateFolder;
import com.omniops.query.audit.state.ChannelStateFolder.ChannelState;
import com.omniops.query.audit.state.ProductStateFolder;
import com.omniops.query.audit.state.ProductStateFolder.ProductState;
import com.omniops.query.audit.state.StockItemStateFolder;
import com.omniops.query.audit.state.StockItemStateFolder.StockItemState;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Explains an available-to-sell figure from the event stream, independently of the availability read model's rows:
 * the channel's events give its warehouses and safety buffer, the product's events whether it is listed and active,
 * and each stock item's events, folded by the stock item's audit folder (every stock event type, returns, holds and
 * transfers out included), the quantities. What is available and what the channel may sell then follow from
 * {@link StockPosition}, the same definition the read model uses, so the two can only differ where the events do.
 */
@Component
public class AvailabilityExplainer {

    private final AggregateStates states;
    private final ChannelStateFolder channels;
    private final ProductStateFolder products;
    private final StockItemStateFolder stockItems;
    private final EventStore eventStore;
    private final Clock clock;

    public AvailabilityExplainer(AggregateStates states, ChannelStateFolder channels, ProductStateFolder products,
                                 StockItemStateFolder stockItems, EventStore eventStore, Clock clock) {
        this.states = states;
        this.clock = clock;
        this.channels = channels;
        this.products = products;
        this.stockItems = stockItems;
        this.eventStore = eventStore;
    }

    public AvailabilityExplanation explain(String channelId, String sku) {
        Instant now = clock.instant();
        ChannelState channel;
        try {
            channel = states.typedStateAt(channels, StreamIds.channel(channelId), now);
        } catch (ApiException e) {
            throw new ApiException(QueryErrorCode.UNKNOWN_CHANNEL, "Channel '" + channelId + "' is not registered.");
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
        List<StockPosition> positions = new ArrayList<>();
        int priority = 0;
        for (String warehouseId : channel.warehouseIds()) {
            WarehouseExplanation w = warehouse(++priority, warehouseId, sku, positions);
            warehouses.add(w);
        }
        int sum = positions.stream().mapToInt(StockPosition::available).sum();
        int availableToSell = StockPosition.availableToSell(positions, channel.safetyBuffer());
        String arithmetic = "max(0, (" + (warehouses.isEmpty() ? "0" : warehouses.stream()
                .map(w -> Integer.toString(w.available())).collect(Collectors.joining(" + ")))
                + ") − safetyBuffer " + channel.safetyBuffer() + ") = " + availableToSell;
        return new AvailabilityExplanation(channelId, sku, listing == null ? null : listing.channelSku(),
                listing != null, active, listing != null && active, warehouses, sum, channel.safetyBuffer(),
                availableToSell, arithmetic);
    }

    private WarehouseExplanation warehouse(int priority, String warehouseId, String sku,
                                           List<StockPosition> positions) {
        String stockItemId = StreamIds.stockItem(warehouseId, sku);
        List<StockStep> steps = new ArrayList<>();
        StockItemState state = stockItems.initial(stockItemId);
        StockPosition before = StockPosition.NONE;
        DomainEventStream events = eventStore.readEvents(stockItemId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            Object payload = message.getPayload();
            int discrepancies = state.discrepancies().size();
            stockItems.apply(state, payload); // fails on a payload that is not a stock event
            StockItemEvent event = (StockItemEvent) payload;
            StockPosition after = state.position();
            steps.add(new StockStep(message.getSequenceNumber(), event.getClass().getSimpleName(),
                    message.getTimestamp(), BusinessTime.of(event), after.onHand() - before.onHand(),
                    after.reserved() - before.reserved(), after.quarantine() - before.quarantine(),
                    after.refurbishment() - before.refurbishment(), after.onHand(), after.reserved(),
                    after.quarantine(), after.refurbishment(), after.available(), reference(event),
                    state.discrepancies().size() == discrepancies));
            before = after;
        }
        StockPosition position = state.position();
        positions.add(position);
        return new WarehouseExplanation(priority, warehouseId, stockItemId, position.onHand(), position.reserved(),
                position.quarantine(), position.refurbishment(), position.available(), position.arithmetic(), steps);
    }

    /**
     * The business reference of a stock event (order line, receipt, return, transfer, count): a switch over every
     * stock event type without a default branch, so a new one does not compile until it is named here.
     */
    public static String reference(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> e.source() + (e.reference() == null ? "" : " " + e.reference());
            case StockReserved e -> "order " + e.orderId() + " line " + e.lineNo();
            case StockReservationReleased e -> "order " + e.orderId() + " line " + e.lineNo()
                    + (e.reason() == null ? "" : " (" + e.reason() + ")");
            case StockIssued e -> "order " + e.orderId() + " line " + e.lineNo() + " shipment " + e.shipmentId();
            case StockAdjusted e -> e.reason() + (e.note() == null ? "" : " " + e.note());
            case StockReturned e -> "return " + e.returnId() + " of order " + e.orderId() + " line " + e.lineNo()
                    + " → " + e.disposition();
            case StockReleasedFromHold e -> e.hold() + " released" + (e.note() == null ? "" : " " + e.note());
            case HeldStockWrittenOff e -> e.hold() + " written off" + (e.note() == null ? "" : " " + e.note());
            case StockTransferredOut e -> "transfer " + e.transferId() + " to " + e.toWarehouseId();
            case StockCounted e -> "count " + e.countId() + ": variance " + e.variance()
                    + (e.awaitingApproval() ? " awaiting approval " + e.approvalReasons() : "");
            case StockCountApproved e -> "count " + e.countId() + " approved by " + e.approvedBy();
            case StockCountRejected e -> "count " + e.countId() + " rejected by " + e.rejectedBy();
        };
    }
}
