package com.omniops.command.alert;

import com.omniops.command.config.AlertSettings;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
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
import com.omniops.support.sql.StatementShape;
import org.jooq.Condition;
import com.omniops.command.jooq.tables.records.AlertStockRecord;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.command.jooq.Tables.ALERT_CHANNEL;
import static com.omniops.command.jooq.Tables.ALERT_CHANNEL_SKU_DAY;
import static com.omniops.command.jooq.Tables.ALERT_STOCK;
import static com.omniops.command.jooq.Tables.CHANNEL_LISTING;
import static com.omniops.command.jooq.Tables.PRODUCT_REGISTRY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static com.omniops.command.jooq.Tables.ALERT_LOW_STOCK;

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
    // The statements of every order and stock event, rendered once (StatementShape): built anew for each event, their
    // rendering was the largest item of this policy's CPU in a profile under load (docs/benchmarks.md "Tuning log").
    private final StatementShape demand;
    private final StatementShape stock;
    private final StatementShape stockHeld;
    private final StatementShape stockOfSku;
    private final StatementShape listingsOfChannel;
    private final StatementShape listingsFedByWarehouse;

    OversellRiskWatch(DSLContext dsl, AlertSettings settings) {
        this.dsl = dsl;
        this.minAvailable = settings.oversellRiskMinAvailable();
        this.daysOfCover = settings.oversellRiskDaysOfCover();
        this.demandDays = settings.oversellRiskDemandDays();
        var d = ALERT_CHANNEL_SKU_DAY;
        this.demand = StatementShape.of(dsl, dsl.insertInto(d)
                        .set(d.CHANNEL_ID, param("channelId", d.CHANNEL_ID))
                        .set(d.SKU, param("sku", d.SKU))
                        .set(d.DAY, param("day", d.DAY))
                        .set(d.UNITS, param("units", d.UNITS))
                        .onConflict(d.CHANNEL_ID, d.SKU, d.DAY).doUpdate()
                        .set(d.UNITS, d.UNITS.plus(excluded(d.UNITS))),
                "channelId", "sku", "day", "units");
        var s = ALERT_STOCK;
        String[] stockValues = {"warehouseId", "sku", "onHand", "reserved", "quarantine", "refurbishment"};
        // only the events that can change held units carry them; the others leave them as they are
        this.stock = StatementShape.of(dsl, insertStock(dsl), stockValues);
        this.stockHeld = StatementShape.of(dsl, insertStock(dsl)
                .set(s.QUARANTINE, excluded(s.QUARANTINE))
                .set(s.REFURBISHMENT, excluded(s.REFURBISHMENT)), stockValues);
        this.stockOfSku = StatementShape.of(dsl, dsl.select(s.WAREHOUSE_ID, s.ON_HAND, s.RESERVED, s.QUARANTINE,
                s.REFURBISHMENT).from(s).where(s.SKU.eq(param("sku", s.SKU))), "sku");
        this.listingsOfChannel = StatementShape.of(dsl, listings(dsl,
                ALERT_CHANNEL.CHANNEL_ID.eq(param("which", ALERT_CHANNEL.CHANNEL_ID))), "sku", "first", "last", "which");
        this.listingsFedByWarehouse = StatementShape.of(dsl, listings(dsl,
                param("which", String.class).eq(any(ALERT_CHANNEL.WAREHOUSE_IDS))), "sku", "first", "last", "which");
    }

    /** A stock item's quantities; on conflict its on hand and reserved (the caller adds the held units if known). */
    private static InsertOnDuplicateSetMoreStep<AlertStockRecord> insertStock(DSLContext dsl) {
        var s = ALERT_STOCK;
        return dsl.insertInto(s)
                .set(s.WAREHOUSE_ID, param("warehouseId", s.WAREHOUSE_ID))
                .set(s.SKU, param("sku", s.SKU))
                .set(s.ON_HAND, param("onHand", s.ON_HAND))
                .set(s.RESERVED, param("reserved", s.RESERVED))
                .set(s.QUARANTINE, param("quarantine", s.QUARANTINE))
                .set(s.REFURBISHMENT, param("refurbishment", s.REFURBISHMENT))
                .onConflict(s.SKU, s.WAREHOUSE_ID).doUpdate()
                .set(s.ON_HAND, excluded(s.ON_HAND))
                .set(s.RESERVED, excluded(s.RESERVED));
    }

    /**
     * Each channel listing a SKU that {@code which} selects: its buffer, warehouses, whether the product is
     * discontinued, the units it ordered from {@code first} to {@code last}, and whether it is flagged.
     */
    private static Select<?> listings(DSLContext dsl, Condition which) {
        var c = ALERT_CHANNEL;
        var d = ALERT_CHANNEL_SKU_DAY;
        Field<String> sku = param("sku", CHANNEL_LISTING.SKU);
        return dsl.select(c.CHANNEL_ID, c.SAFETY_BUFFER, c.WAREHOUSE_IDS, PRODUCT_REGISTRY.DISCONTINUED,
                        field(select(coalesce(sum(d.UNITS), BigDecimal.ZERO)).from(d)
                                .where(d.CHANNEL_ID.eq(c.CHANNEL_ID), d.SKU.eq(sku),
                                        d.DAY.between(param("first", d.DAY), param("last", d.DAY)))).as("demand"),
                        field(exists(selectOne().from(ALERT_LOW_STOCK).where(ALERT_LOW_STOCK.CHANNEL_ID
                                .eq(c.CHANNEL_ID), ALERT_LOW_STOCK.SKU.eq(sku)))).as("flagged"))
                .from(c)
                .join(CHANNEL_LISTING).on(CHANNEL_LISTING.CHANNEL_ID.eq(c.CHANNEL_ID).and(CHANNEL_LISTING.SKU.eq(sku)))
                .join(PRODUCT_REGISTRY).on(PRODUCT_REGISTRY.SKU.eq(CHANNEL_LISTING.SKU))
                .where(which);
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
        units.forEach((sku, quantity) -> demand.execute(event.channelId(), sku, day, quantity));
        List<Judgement> judged = new ArrayList<>();
        // a SKU that never had stock is not judged (as in stockChanged): nothing to run out of
        units.keySet().forEach(sku -> judged.addAll(judgeListings(sku, listingsOfChannel, event.channelId(), day,
                true)));
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

    /**
     * Takes the channel's new buffer and warehouses and judges every SKU it lists again on the change's day: a
     * larger buffer or a warehouse taken away can put a listing at risk without any stock moving.
     */
    List<Judgement> channelChanged(ChannelSettingsChanged event) {
        dsl.update(ALERT_CHANNEL)
                .set(ALERT_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(ALERT_CHANNEL.WAREHOUSE_IDS, event.warehouseIds().toArray(String[]::new))
                .where(ALERT_CHANNEL.CHANNEL_ID.eq(event.channelId()))
                .execute();
        LocalDate day = LocalDate.ofInstant(event.changedAt(), ZoneOffset.UTC);
        List<Judgement> judged = new ArrayList<>();
        for (String sku : dsl.select(CHANNEL_LISTING.SKU).from(CHANNEL_LISTING)
                .where(CHANNEL_LISTING.CHANNEL_ID.eq(event.channelId())).orderBy(CHANNEL_LISTING.SKU)
                .fetch(CHANNEL_LISTING.SKU)) {
            judged.addAll(judgeListings(sku, listingsOfChannel, event.channelId(), day, true));
        }
        return judged;
    }

    /** Records the stock item's quantities and judges every channel that sells the SKU from its warehouse. */
    List<Judgement> stockChanged(StockItemEvent event) {
        LocalDate day = LocalDate.ofInstant(StockItemEvents.occurredAt(event), ZoneOffset.UTC);
        if (event instanceof HeldQuantities held) {
            stockHeld.execute(event.warehouseId(), event.sku(), event.onHandAfter(), event.reservedAfter(),
                    held.quarantineAfter(), held.refurbishmentAfter());
        } else {
            stock.execute(event.warehouseId(), event.sku(), event.onHandAfter(), event.reservedAfter(), 0, 0);
        }
        return judgeListings(event.sku(), listingsFedByWarehouse, event.warehouseId(), day, false);
    }

    /**
     * The channels listing {@code sku} that {@code listings} selects (by {@code which}: a channel or a warehouse),
     * each judged on {@code day}: two reads whatever the number of channels (the SKU's stock in every warehouse; each
     * channel with its demand over the window and its flag), since a stock event judges every channel the item feeds.
     * {@code onlyIfStocked}: judge nothing for a SKU with no stock row yet.
     */
    private List<Judgement> judgeListings(String sku, StatementShape listings, String which, LocalDate day,
                                          boolean onlyIfStocked) {
        Map<String, StockPosition> positions = new HashMap<>();
        for (Record r : stockOfSku.fetch(sku)) {
            positions.put(r.get(ALERT_STOCK.WAREHOUSE_ID), new StockPosition(r.get(ALERT_STOCK.ON_HAND),
                    r.get(ALERT_STOCK.RESERVED), r.get(ALERT_STOCK.QUARANTINE), r.get(ALERT_STOCK.REFURBISHMENT)));
        }
        if (onlyIfStocked && positions.isEmpty()) {
            return List.of();
        }
        List<Judgement> judged = new ArrayList<>();
        for (Record r : listings.fetch(sku, day.minusDays(demandDays - 1L), day, which)) {
            judged.add(judge(r.get(ALERT_CHANNEL.CHANNEL_ID), sku, r.get(ALERT_CHANNEL.SAFETY_BUFFER),
                    r.get(ALERT_CHANNEL.WAREHOUSE_IDS), r.get(PRODUCT_REGISTRY.DISCONTINUED),
                    r.get("demand", BigDecimal.class).longValue(), r.get("flagged", Boolean.class), positions));
        }
        return judged;
    }

    private Judgement judge(String channelId, String sku, int safetyBuffer, String[] warehouses,
                            boolean discontinued, long recentDemand, boolean flagged,
                            Map<String, StockPosition> positions) {
        List<StockPosition> fed = Arrays.stream(warehouses).map(positions::get).filter(Objects::nonNull).toList();
        int availableToSell = StockPosition.availableToSell(fed, safetyBuffer);
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
