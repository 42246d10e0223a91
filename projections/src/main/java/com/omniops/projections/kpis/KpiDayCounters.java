package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_VALUE_DAY;
import static com.omniops.projections.jooq.Tables.KPI_COUNT_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS;
import static com.omniops.projections.jooq.Tables.KPI_CYCLE_HOURS_ALL;

import com.omniops.projections.jooq.tables.records.KpiChannelDayRecord;
import com.omniops.projections.jooq.tables.records.KpiChannelValueDayRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.TableField;

/**
 * The kpis read model's day counters ({@link KpisProjector}): each write adds to (or, with a negative sign, takes out
 * of) the rows of one channel's or warehouse's day, creating them at the first figure. Called inside the event's
 * savepoint, after the projector has made sure the event is applied once.
 */
final class KpiDayCounters {

    private final DSLContext dsl;

    KpiDayCounters(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An order placed on the day: its lines and units, and those reserved at placement (fill rate). */
    void placed(String channelId, LocalDate day, int lines, int filledLines, int units, int filledUnits) {
        dsl.insertInto(KPI_CHANNEL_DAY)
                .set(KPI_CHANNEL_DAY.CHANNEL_ID, channelId)
                .set(KPI_CHANNEL_DAY.DAY, day)
                .set(KPI_CHANNEL_DAY.ORDERS_PLACED, 1)
                .set(KPI_CHANNEL_DAY.LINES_ORDERED, lines)
                .set(KPI_CHANNEL_DAY.LINES_FILLED, filledLines)
                .set(KPI_CHANNEL_DAY.UNITS_ORDERED, (long) units)
                .set(KPI_CHANNEL_DAY.UNITS_FILLED, (long) filledUnits)
                .onConflict(KPI_CHANNEL_DAY.CHANNEL_ID, KPI_CHANNEL_DAY.DAY).doUpdate()
                .set(KPI_CHANNEL_DAY.ORDERS_PLACED, KPI_CHANNEL_DAY.ORDERS_PLACED.plus(1))
                .set(KPI_CHANNEL_DAY.LINES_ORDERED, KPI_CHANNEL_DAY.LINES_ORDERED.plus(lines))
                .set(KPI_CHANNEL_DAY.LINES_FILLED, KPI_CHANNEL_DAY.LINES_FILLED.plus(filledLines))
                .set(KPI_CHANNEL_DAY.UNITS_ORDERED, KPI_CHANNEL_DAY.UNITS_ORDERED.plus(units))
                .set(KPI_CHANNEL_DAY.UNITS_FILLED, KPI_CHANNEL_DAY.UNITS_FILLED.plus(filledUnits))
                .execute();
    }

    /** Adds {@code units} to one ship-cohort counter of a channel's day. */
    void cohort(String channelId, LocalDate day, TableField<KpiChannelDayRecord, Long> counter, long units) {
        dsl.insertInto(KPI_CHANNEL_DAY)
                .set(KPI_CHANNEL_DAY.CHANNEL_ID, channelId)
                .set(KPI_CHANNEL_DAY.DAY, day)
                .set(counter, units)
                .onConflict(KPI_CHANNEL_DAY.CHANNEL_ID, KPI_CHANNEL_DAY.DAY).doUpdate()
                .set(counter, counter.plus(units))
                .execute();
    }

    /** Adds {@code value} (if known) to one ship-cohort value counter of a channel's day in a currency. */
    void cohortValue(String channelId, LocalDate day, String currency,
                     TableField<KpiChannelValueDayRecord, BigDecimal> counter, BigDecimal value) {
        if (value == null) {
            return;
        }
        dsl.insertInto(KPI_CHANNEL_VALUE_DAY)
                .set(KPI_CHANNEL_VALUE_DAY.CHANNEL_ID, channelId)
                .set(KPI_CHANNEL_VALUE_DAY.DAY, day)
                .set(KPI_CHANNEL_VALUE_DAY.CURRENCY, currency)
                .set(counter, value)
                .onConflict(KPI_CHANNEL_VALUE_DAY.CHANNEL_ID, KPI_CHANNEL_VALUE_DAY.DAY, KPI_CHANNEL_VALUE_DAY.CURRENCY)
                .doUpdate()
                .set(counter, counter.plus(value))
                .execute();
    }

    /** A stock count on the day (inventory accuracy). */
    void counted(String warehouseId, LocalDate day, boolean withinTolerance) {
        int within = withinTolerance ? 1 : 0;
        dsl.insertInto(KPI_COUNT_DAY)
                .set(KPI_COUNT_DAY.WAREHOUSE_ID, warehouseId)
                .set(KPI_COUNT_DAY.DAY, day)
                .set(KPI_COUNT_DAY.COUNTS, 1)
                .set(KPI_COUNT_DAY.WITHIN_TOLERANCE, within)
                .onConflict(KPI_COUNT_DAY.WAREHOUSE_ID, KPI_COUNT_DAY.DAY).doUpdate()
                .set(KPI_COUNT_DAY.COUNTS, KPI_COUNT_DAY.COUNTS.plus(1))
                .set(KPI_COUNT_DAY.WITHIN_TOLERANCE, KPI_COUNT_DAY.WITHIN_TOLERANCE.plus(within))
                .execute();
    }

    /** Adds ({@code sign} 1) or takes out (−1) one order's delivery figures on its day. */
    void delivered(OrderDelivery delivery, int sign) {
        int onTime = delivery.onTime() ? sign : 0;
        int complete = delivery.shippedComplete() ? sign : 0;
        int damageFree = delivery.damageFree() ? sign : 0;
        int accurate = delivery.documentationAccurate() ? sign : 0;
        int perfect = delivery.perfect() ? sign : 0;
        long seconds = sign * delivery.cycleSeconds();
        dsl.insertInto(KPI_CHANNEL_DAY)
                .set(KPI_CHANNEL_DAY.CHANNEL_ID, delivery.channelId())
                .set(KPI_CHANNEL_DAY.DAY, delivery.day())
                .set(KPI_CHANNEL_DAY.ORDERS_DELIVERED, sign)
                .set(KPI_CHANNEL_DAY.ON_TIME, onTime)
                .set(KPI_CHANNEL_DAY.SHIPPED_COMPLETE, complete)
                .set(KPI_CHANNEL_DAY.DAMAGE_FREE, damageFree)
                .set(KPI_CHANNEL_DAY.DOCUMENTATION_ACCURATE, accurate)
                .set(KPI_CHANNEL_DAY.PERFECT, perfect)
                .set(KPI_CHANNEL_DAY.CYCLE_SECONDS, seconds)
                .onConflict(KPI_CHANNEL_DAY.CHANNEL_ID, KPI_CHANNEL_DAY.DAY).doUpdate()
                .set(KPI_CHANNEL_DAY.ORDERS_DELIVERED, KPI_CHANNEL_DAY.ORDERS_DELIVERED.plus(sign))
                .set(KPI_CHANNEL_DAY.ON_TIME, KPI_CHANNEL_DAY.ON_TIME.plus(onTime))
                .set(KPI_CHANNEL_DAY.SHIPPED_COMPLETE, KPI_CHANNEL_DAY.SHIPPED_COMPLETE.plus(complete))
                .set(KPI_CHANNEL_DAY.DAMAGE_FREE, KPI_CHANNEL_DAY.DAMAGE_FREE.plus(damageFree))
                .set(KPI_CHANNEL_DAY.DOCUMENTATION_ACCURATE, KPI_CHANNEL_DAY.DOCUMENTATION_ACCURATE.plus(accurate))
                .set(KPI_CHANNEL_DAY.PERFECT, KPI_CHANNEL_DAY.PERFECT.plus(perfect))
                .set(KPI_CHANNEL_DAY.CYCLE_SECONDS, KPI_CHANNEL_DAY.CYCLE_SECONDS.plus(seconds))
                .execute();
        dsl.insertInto(KPI_CYCLE_HOURS)
                .set(KPI_CYCLE_HOURS.CHANNEL_ID, delivery.channelId())
                .set(KPI_CYCLE_HOURS.DAY, delivery.day())
                .set(KPI_CYCLE_HOURS.HOURS, delivery.hours())
                .set(KPI_CYCLE_HOURS.ORDERS, sign)
                .onConflict(KPI_CYCLE_HOURS.CHANNEL_ID, KPI_CYCLE_HOURS.DAY, KPI_CYCLE_HOURS.HOURS).doUpdate()
                .set(KPI_CYCLE_HOURS.ORDERS, KPI_CYCLE_HOURS.ORDERS.plus(sign))
                .execute();
        dsl.insertInto(KPI_CYCLE_HOURS_ALL)
                .set(KPI_CYCLE_HOURS_ALL.DAY, delivery.day())
                .set(KPI_CYCLE_HOURS_ALL.HOURS, delivery.hours())
                .set(KPI_CYCLE_HOURS_ALL.ORDERS, sign)
                .onConflict(KPI_CYCLE_HOURS_ALL.DAY, KPI_CYCLE_HOURS_ALL.HOURS).doUpdate()
                .set(KPI_CYCLE_HOURS_ALL.ORDERS, KPI_CYCLE_HOURS_ALL.ORDERS.plus(sign))
                .execute();
    }
}
