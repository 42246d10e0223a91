package com.omniops.projections.kpis;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import com.omniops.projections.kpis.KpiStockState.Channel;
import com.omniops.projections.kpis.KpiStockState.Listing;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The in-stock rows of the kpis read model ({@link KpisProjector}): each channel's warehouses and buffer, each listing
 * and whether the channel may sell any of it ({@link StockPosition#availableToSell}, the availability read model's one
 * definition, from this model's own copy of the stock positions), and per channel and UTC day the SKUs listed and in
 * stock at the day's end and the stockouts during it. Works on the batch's copy of the rows ({@link KpiStockState}).
 */
final class InStockRows {

    private InStockRows() {
    }

    static void channel(KpiStockState state, ChannelRegistered event) {
        if (state.channel(event.channelId()) == null) {
            state.setChannel(event.channelId(), new Channel(event.safetyBuffer(), Set.copyOf(event.warehouseIds())));
        }
    }

    /**
     * Another buffer or warehouse list from {@code day} on: every listing of the channel is judged again, and one
     * that the channel can no longer sell counts as a stockout that day (the channel ran out of it, whatever the
     * cause). Applied twice, the second finds nothing to change.
     */
    static void channelChanged(KpiStockState state, ChannelSettingsChanged event, LocalDate day) {
        state.setChannel(event.channelId(), new Channel(event.safetyBuffer(), Set.copyOf(event.warehouseIds())));
        for (Listing listing : state.listingsOn(event.channelId())) {
            if (!listing.discontinued) {
                judge(state, listing, day);
            }
        }
    }

    /** A SKU listed on a channel from {@code day}: one more SKU-day a day, in stock if the channel may sell it. */
    static void listed(KpiStockState state, String channelId, String sku, LocalDate day) {
        if (state.listing(channelId, sku) != null) {
            return;
        }
        boolean inStock = availableToSell(state, channelId, sku) > 0;
        state.addListing(new Listing(channelId, sku, inStock, false));
        state.moveChannelDay(channelId, day, 1, inStock ? 1 : 0, 0);
    }

    /** A discontinued product stops counting on every channel from {@code day}: running out is then the plan. */
    static void discontinued(KpiStockState state, String sku, LocalDate day) {
        for (Listing listing : state.listings(sku)) {
            if (!listing.discontinued) {
                listing.discontinued = true;
                state.listingChanged(listing);
                state.moveChannelDay(listing.channelId, day, -1, listing.inStock ? -1 : 0, 0);
            }
        }
    }

    /** Records the stock item's quantities and judges again every listing of the SKU on a channel it feeds. */
    static void stockChanged(KpiStockState state, StockItemEvent event, LocalDate day) {
        StockPosition before = state.position(event.sku(), event.warehouseId());
        // only the events that can change held units carry them; the others leave them as they are
        StockPosition after = event instanceof HeldQuantities held
                ? new StockPosition(event.onHandAfter(), event.reservedAfter(), held.quarantineAfter(),
                        held.refurbishmentAfter())
                : new StockPosition(event.onHandAfter(), event.reservedAfter(),
                        before == null ? 0 : before.quarantine(), before == null ? 0 : before.refurbishment());
        state.setPosition(event.sku(), event.warehouseId(), after);
        for (Listing listing : state.listings(event.sku())) {
            Channel channel = state.channel(listing.channelId);
            if (listing.discontinued || channel == null || !channel.warehouseIds().contains(event.warehouseId())) {
                continue; // not sold from this warehouse: its figure did not move
            }
            judge(state, listing, day);
        }
    }

    /** Whether the channel may sell any of the listing's SKU now; a change moves the channel's day. */
    private static void judge(KpiStockState state, Listing listing, LocalDate day) {
        boolean inStock = availableToSell(state, listing.channelId, listing.sku) > 0;
        if (inStock != listing.inStock) {
            listing.inStock = inStock;
            state.listingChanged(listing);
            state.moveChannelDay(listing.channelId, day, 0, inStock ? 1 : -1, inStock ? 0 : 1);
        }
    }

    /** What the channel may sell of the SKU ({@link StockPosition#availableToSell} over the channel's warehouses). */
    private static int availableToSell(KpiStockState state, String channelId, String sku) {
        Channel channel = channel(state, channelId);
        Map<String, StockPosition> positions = state.positions(sku);
        List<StockPosition> fed = channel.warehouseIds().stream().map(positions::get).filter(Objects::nonNull)
                .toList();
        return StockPosition.availableToSell(fed, channel.safetyBuffer());
    }

    private static Channel channel(KpiStockState state, String channelId) {
        Channel channel = state.channel(channelId);
        if (channel == null) {
            throw new IllegalStateException("Channel " + channelId + " is not in the kpis read model");
        }
        return channel;
    }
}
