package com.omniops.command.alert;

import com.omniops.command.config.AlertSettings;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockItemEvents;
import com.omniops.events.stock.StockPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.command.jooq.Tables.ALERT_CHANNEL;
import static com.omniops.command.jooq.Tables.ALERT_CHANNEL_SKU_DAY;
import static com.omniops.command.jooq.Tables.ALERT_LOW_STOCK;
import static com.omniops.command.jooq.Tables.ALERT_STOCK;
import static com.omniops.command.jooq.Tables.CHANNEL_LISTING;
import static com.omniops.command.jooq.Tables.PRODUCT_REGISTRY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.val;

/**
 * The alert policy's state for oversell risk: what each channel may sell of each SKU it lists, as
 * {@link StockPosition#availableToSell} defines it (the availability read model's one definition), from its own
 * copies of the channels' warehouses and buffers and of the stock items' quantities, and the channels' units ordered
 * per SKU and day. The rule ({@link #threshold}): a channel's SKU is at risk when its available-to-sell is below the
 * channel's safety buffer, {@code oversell-risk-min-available} units or {@code oversell-risk-days-of-cover} days of its
 * recent demand, whichever is most. Judged when a stock item's quantities change (an order's reservation is one), so a
 * SKU that never had stock raises nothing.
 */
@Component
class OversellRiskWatch {

    /**
     * A channel listing the SKU, what it may sell of it, its units ordered over the demand window, the threshold
     * (units) and where its alert stands.
     */
    record Judgement(String channelId, String sku, int availableToSell, long recentDemand, int threshold,
                     boolean atRisk, boolean flagged) {
    }

    private final DSLContext dsl;
    private final int minAvailable;
    private final BigDecimal daysOfCover;
    private final int demandDays;

    OversellRiskWatch(DSLContext dsl, AlertSettings settings) {
        this.dsl = dsl;
        this.minAvailable = settings.oversellRiskMinAvailable();
        this.daysOfCover = settings.oversellRiskDaysOfCover();
        this.demandDays = settings.oversellRiskDemandDays();
    }

    /**
     * Records an order's units as the demand of its channel for each SKU on the order's day, and judges those SKUs on
     * the channel again: the higher demand may raise the threshold (the order's reservations may have been judged
     * before this event arrived, against the demand without it).
     */
    List<Judgement> ordered(OrderPlaced event) {
        LocalDate day = LocalDate.ofInstant(event.placedAt(), ZoneOffset.UTC);
        Map<String, Integer> units = new TreeMap<>();
        event.lines().forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        units.forEach((sku, quantity) -> dsl.insertInto(ALERT_CHANNEL_SKU_DAY)
                .set(ALERT_CHANNEL_SKU_DAY.CHANNEL_ID, event.channelId())
                .set(ALERT_CHANNEL_SKU_DAY.SKU, sku)
                .set(ALERT_CHANNEL_SKU_DAY.DAY, day)
                .set(ALERT_CHANNEL_SKU_DAY.UNITS, quantity)
                .onConflict(ALERT_CHANNEL_SKU_DAY.CHANNEL_ID, ALERT_CHANNEL_SKU_DAY.SKU, ALERT_CHANNEL_SKU_DAY.DAY)
                .doUpdate()
                .set(ALERT_CHANNEL_SKU_DAY.UNITS, ALERT_CHANNEL_SKU_DAY.UNITS.plus(quantity))
                .execute());
        List<Judgement> judged = new ArrayList<>();
        // a SKU that never had stock is not judged (as in stockChanged): nothing to run out of
        units.keySet().forEach(sku -> judged.addAll(judgeListings(sku, ALERT_CHANNEL.CHANNEL_ID.eq(event.channelId()),
                day, true)));
        return judged;
    }

    /**
     * The threshold in units: the channel's safety buffer, the minimum, or {@code days-of-cover} days of its average
     * daily demand over the window (rounded up), whichever is most — the one definition of the oversell-risk rule.
     */
    static int threshold(int safetyBuffer, int minAvailable, BigDecimal daysOfCover, long recentDemand,
                         int demandDays) {
        int cover = daysOfCover.signum() == 0 || recentDemand == 0 ? 0
                : BigDecimal.valueOf(recentDemand).multiply(daysOfCover)
                        .divide(BigDecimal.valueOf(demandDays), 0, RoundingMode.CEILING).intValueExact();
        return Math.max(Math.max(safetyBuffer, minAvailable), cover);
    }

    /** How the threshold came about, for an alert's summary. */
    String describe(Judgement j) {
        return j.channelId() + " may sell only " + j.availableToSell() + " of " + j.sku() + " (threshold "
                + j.threshold() + ": the larger of its safety buffer, the minimum of " + minAvailable + " and "
                + daysOfCover.stripTrailingZeros().toPlainString() + " days of its " + j.recentDemand()
                + " units ordered in the last " + demandDays + " days).";
    }

    void channel(ChannelRegistered event) {
        dsl.insertInto(ALERT_CHANNEL)
                .set(ALERT_CHANNEL.CHANNEL_ID, event.channelId())
                .set(ALERT_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(ALERT_CHANNEL.WAREHOUSE_IDS, event.warehouseIds().toArray(String[]::new))
                .onConflict(ALERT_CHANNEL.CHANNEL_ID).doNothing()
                .execute();
    }

    /** Records the stock item's quantities and judges every channel that sells the SKU from its warehouse. */
    List<Judgement> stockChanged(StockItemEvent event) {
        LocalDate day = LocalDate.ofInstant(StockItemEvents.occurredAt(event), ZoneOffset.UTC);
        HeldQuantities held = event instanceof HeldQuantities quantities ? quantities : null;
        var insert = dsl.insertInto(ALERT_STOCK)
                .set(ALERT_STOCK.WAREHOUSE_ID, event.warehouseId())
                .set(ALERT_STOCK.SKU, event.sku())
                .set(ALERT_STOCK.ON_HAND, event.onHandAfter())
                .set(ALERT_STOCK.RESERVED, event.reservedAfter())
                .set(ALERT_STOCK.QUARANTINE, held == null ? 0 : held.quarantineAfter())
                .set(ALERT_STOCK.REFURBISHMENT, held == null ? 0 : held.refurbishmentAfter())
                .onConflict(ALERT_STOCK.SKU, ALERT_STOCK.WAREHOUSE_ID).doUpdate()
                .set(ALERT_STOCK.ON_HAND, event.onHandAfter())
                .set(ALERT_STOCK.RESERVED, event.reservedAfter());
        // only the events that can change held units carry them; the others leave them as they are
        (held == null ? insert : insert.set(ALERT_STOCK.QUARANTINE, held.quarantineAfter())
                .set(ALERT_STOCK.REFURBISHMENT, held.refurbishmentAfter())).execute();

        return judgeListings(event.sku(), val(event.warehouseId()).eq(any(ALERT_CHANNEL.WAREHOUSE_IDS)), day, false);
    }

    /**
     * The channels listing {@code sku} that {@code which} selects, each judged on {@code day}: two reads whatever the
     * number of channels (the SKU's stock in every warehouse; each channel with its demand over the window and its
     * flag), since a stock event judges every channel the item feeds. {@code onlyIfStocked}: judge nothing for a SKU
     * with no stock row yet.
     */
    private List<Judgement> judgeListings(String sku, Condition which, LocalDate day, boolean onlyIfStocked) {
        Map<String, StockPosition> positions = new HashMap<>();
        dsl.select(ALERT_STOCK.WAREHOUSE_ID, ALERT_STOCK.ON_HAND, ALERT_STOCK.RESERVED, ALERT_STOCK.QUARANTINE,
                        ALERT_STOCK.REFURBISHMENT)
                .from(ALERT_STOCK).where(ALERT_STOCK.SKU.eq(sku))
                .forEach(r -> positions.put(r.value1(), new StockPosition(r.value2(), r.value3(), r.value4(),
                        r.value5())));
        if (onlyIfStocked && positions.isEmpty()) {
            return List.of();
        }
        Field<BigDecimal> demand = DSL.field(DSL.select(DSL.sum(ALERT_CHANNEL_SKU_DAY.UNITS))
                .from(ALERT_CHANNEL_SKU_DAY)
                .where(ALERT_CHANNEL_SKU_DAY.CHANNEL_ID.eq(ALERT_CHANNEL.CHANNEL_ID), ALERT_CHANNEL_SKU_DAY.SKU.eq(sku),
                        ALERT_CHANNEL_SKU_DAY.DAY.between(day.minusDays(demandDays - 1L), day)));
        Field<Boolean> flagged = DSL.field(DSL.exists(DSL.selectOne().from(ALERT_LOW_STOCK)
                .where(ALERT_LOW_STOCK.CHANNEL_ID.eq(ALERT_CHANNEL.CHANNEL_ID), ALERT_LOW_STOCK.SKU.eq(sku))));
        return dsl.select(ALERT_CHANNEL.CHANNEL_ID, ALERT_CHANNEL.SAFETY_BUFFER, ALERT_CHANNEL.WAREHOUSE_IDS,
                        PRODUCT_REGISTRY.DISCONTINUED, demand, flagged)
                .from(ALERT_CHANNEL)
                .join(CHANNEL_LISTING).on(CHANNEL_LISTING.CHANNEL_ID.eq(ALERT_CHANNEL.CHANNEL_ID)
                        .and(CHANNEL_LISTING.SKU.eq(sku)))
                .join(PRODUCT_REGISTRY).on(PRODUCT_REGISTRY.SKU.eq(CHANNEL_LISTING.SKU))
                .where(which)
                .fetch(r -> judge(r.value1(), sku, r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        positions));
    }

    private Judgement judge(String channelId, String sku, int safetyBuffer, String[] warehouses,
                            boolean discontinued, BigDecimal demand, boolean flagged,
                            Map<String, StockPosition> positions) {
        List<StockPosition> fed = Arrays.stream(warehouses).map(positions::get).filter(Objects::nonNull).toList();
        int availableToSell = StockPosition.availableToSell(fed, safetyBuffer);
        long recentDemand = demand == null ? 0 : demand.longValue();
        int threshold = threshold(safetyBuffer, minAvailable, daysOfCover, recentDemand, demandDays);
        // a discontinued product is not restocked on purpose: running out is the plan, not a risk
        return new Judgement(channelId, sku, availableToSell, recentDemand, threshold,
                !discontinued && availableToSell < threshold, flagged);
    }

    void flagged(String channelId, String sku) {
        dsl.insertInto(ALERT_LOW_STOCK).set(ALERT_LOW_STOCK.CHANNEL_ID, channelId).set(ALERT_LOW_STOCK.SKU, sku)
                .onConflictDoNothing().execute();
    }

    void cleared(String channelId, String sku) {
        dsl.deleteFrom(ALERT_LOW_STOCK).where(ALERT_LOW_STOCK.CHANNEL_ID.eq(channelId)
                .and(ALERT_LOW_STOCK.SKU.eq(sku))).execute();
    }
}
