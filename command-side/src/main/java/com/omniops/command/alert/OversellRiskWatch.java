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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.command.jooq.Tables.ALERT_CHANNEL;
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

    // The statements of every order and stock event, as constant SQL: built with jOOQ's DSL they were rendered anew for
    // each event, the largest item of this policy's CPU in a profile under load (docs/benchmarks.md "Tuning log").
    static final String DEMAND = "INSERT INTO alert_channel_sku_day (channel_id, sku, day, units) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (channel_id, sku, day) DO UPDATE SET units = alert_channel_sku_day.units + EXCLUDED.units";
    static final String STOCK = "INSERT INTO alert_stock (warehouse_id, sku, on_hand, reserved, quarantine, "
            + "refurbishment) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku, warehouse_id) DO UPDATE SET "
            + "on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved";
    static final String STOCK_HELD = STOCK + ", quarantine = EXCLUDED.quarantine, "
            + "refurbishment = EXCLUDED.refurbishment";
    static final String STOCK_OF_SKU = "SELECT warehouse_id, on_hand, reserved, quarantine, refurbishment "
            + "FROM alert_stock WHERE sku = ?";
    /** Each channel listing a SKU: buffer, warehouses, discontinued, units ordered in the window, flagged. */
    private static final String LISTINGS = "SELECT c.channel_id, c.safety_buffer, c.warehouse_ids, p.discontinued, "
            + "coalesce((SELECT sum(d.units) FROM alert_channel_sku_day d WHERE d.channel_id = c.channel_id "
            + "AND d.sku = ? AND d.day BETWEEN ? AND ?), 0), "
            + "EXISTS (SELECT 1 FROM alert_low_stock f WHERE f.channel_id = c.channel_id AND f.sku = ?) "
            + "FROM alert_channel c JOIN channel_listing l ON l.channel_id = c.channel_id AND l.sku = ? "
            + "JOIN product_registry p ON p.sku = l.sku ";
    static final String LISTINGS_OF_CHANNEL = LISTINGS + "WHERE c.channel_id = ?";
    static final String LISTINGS_FED_BY_WAREHOUSE = LISTINGS + "WHERE ? = ANY (c.warehouse_ids)";

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
        units.forEach((sku, quantity) -> execute(DEMAND, event.channelId(), sku, day, quantity));
        List<Judgement> judged = new ArrayList<>();
        // a SKU that never had stock is not judged (as in stockChanged): nothing to run out of
        units.keySet().forEach(sku -> judged.addAll(judgeListings(sku, LISTINGS_OF_CHANNEL, event.channelId(), day,
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

    /** Records the stock item's quantities and judges every channel that sells the SKU from its warehouse. */
    List<Judgement> stockChanged(StockItemEvent event) {
        LocalDate day = LocalDate.ofInstant(StockItemEvents.occurredAt(event), ZoneOffset.UTC);
        if (event instanceof HeldQuantities held) {
            execute(STOCK_HELD, event.warehouseId(), event.sku(), event.onHandAfter(), event.reservedAfter(),
                    held.quarantineAfter(), held.refurbishmentAfter());
        } else {
            // only the events that can change held units carry them; the others leave them as they are
            execute(STOCK, event.warehouseId(), event.sku(), event.onHandAfter(), event.reservedAfter(), 0, 0);
        }
        return judgeListings(event.sku(), LISTINGS_FED_BY_WAREHOUSE, event.warehouseId(), day, false);
    }

    /**
     * The channels listing {@code sku} that {@code listings} selects (by {@code which}: a channel or a warehouse),
     * each judged on {@code day}: two reads whatever the number of channels (the SKU's stock in every warehouse; each
     * channel with its demand over the window and its flag), since a stock event judges every channel the item feeds.
     * {@code onlyIfStocked}: judge nothing for a SKU with no stock row yet.
     */
    private List<Judgement> judgeListings(String sku, String listings, String which, LocalDate day,
                                          boolean onlyIfStocked) {
        return dsl.connectionResult(connection -> {
            Map<String, StockPosition> positions = new HashMap<>();
            try (PreparedStatement read = connection.prepareStatement(STOCK_OF_SKU)) {
                read.setString(1, sku);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        positions.put(r.getString(1), new StockPosition(r.getInt(2), r.getInt(3), r.getInt(4),
                                r.getInt(5)));
                    }
                }
            }
            if (onlyIfStocked && positions.isEmpty()) {
                return List.<Judgement>of();
            }
            List<Judgement> judged = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(listings)) {
                read.setString(1, sku);
                read.setObject(2, day.minusDays(demandDays - 1L));
                read.setObject(3, day);
                read.setString(4, sku);
                read.setString(5, sku);
                read.setString(6, which);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        judged.add(judge(r.getString(1), sku, r.getInt(2), (String[]) r.getArray(3).getArray(),
                                r.getBoolean(4), r.getLong(5), r.getBoolean(6), positions));
                    }
                }
            }
            return judged;
        });
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

    private void execute(String sql, Object... binds) {
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < binds.length; i++) {
                    statement.setObject(i + 1, binds[i]);
                }
                statement.executeUpdate();
            }
        });
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
