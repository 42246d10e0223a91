package com.omniops.command.alert;

import com.omniops.command.alert.ReturnRateRule.Counts;
import com.omniops.command.config.AlertSettings;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.stock.StockIssued;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.omniops.command.jooq.Tables.ALERT_ALL_DAY;
import static com.omniops.command.jooq.Tables.ALERT_RETURN_RATE;
import static com.omniops.command.jooq.Tables.ALERT_SKU_DAY;

/**
 * The alert policy's state for the unusual return rate: units shipped and asked to be returned per SKU and UTC day
 * (and for all SKUs), so a judgement reads two windows of day rows ({@link ReturnRateRule}), never the history.
 */
@Component
class ReturnRateWatch {

    /** A SKU judged on a day, and whether its alert is raised already. */
    record Judgement(String sku, LocalDate day, ReturnRateRule.Verdict verdict, boolean flagged) {
    }

    private final DSLContext dsl;
    private final ReturnRateRule rule;
    private final int windowDays;
    private final int baselineDays;

    ReturnRateWatch(DSLContext dsl, AlertSettings settings) {
        this.dsl = dsl;
        this.rule = new ReturnRateRule(settings.returnRate().minReturnedUnits());
        this.windowDays = settings.returnRate().windowDays();
        this.baselineDays = settings.returnRate().baselineDays();
    }

    void shipped(StockIssued event) {
        add(event.sku(), day(event.issuedAt()), event.quantity(), 0);
    }

    void returned(ReturnRequested event) {
        for (ReturnLine line : event.lines()) {
            add(line.sku(), day(event.requestedAt()), 0, line.quantity());
        }
    }

    boolean flagged(String sku) {
        return dsl.fetchExists(ALERT_RETURN_RATE, ALERT_RETURN_RATE.SKU.eq(sku));
    }

    /** The SKU over the window ending on {@code day} against its baseline before it. */
    Judgement judge(String sku, LocalDate day) {
        LocalDate windowStart = day.minusDays(windowDays - 1L);
        LocalDate baselineStart = windowStart.minusDays(baselineDays);
        LocalDate baselineEnd = windowStart.minusDays(1);
        Counts recent = skuCounts(sku, windowStart, day);
        Counts own = skuCounts(sku, baselineStart, baselineEnd);
        Counts all = counts(dsl.select(DSL.sum(ALERT_ALL_DAY.SHIPPED), DSL.sum(ALERT_ALL_DAY.RETURNED))
                .from(ALERT_ALL_DAY).where(ALERT_ALL_DAY.DAY.between(baselineStart, baselineEnd)).fetchOne());
        return new Judgement(sku, day, rule.judge(recent, own, all), flagged(sku));
    }

    void flag(String sku) {
        dsl.insertInto(ALERT_RETURN_RATE).set(ALERT_RETURN_RATE.SKU, sku).onConflictDoNothing().execute();
    }

    void clear(String sku) {
        dsl.deleteFrom(ALERT_RETURN_RATE).where(ALERT_RETURN_RATE.SKU.eq(sku)).execute();
    }

    String describe(Judgement j) {
        ReturnRateRule.Verdict v = j.verdict();
        return j.sku() + ": " + v.returned() + " units asked back in the " + windowDays + " days to " + j.day()
                + ", " + percent(v.recentRate()) + " % of the units shipped then, against a baseline of "
                + percent(v.baselineRate()) + " % (" + (v.ownBaseline() ? "its own" : "all SKUs'") + " over the "
                + baselineDays + " days before); unusual from " + percent(v.threshold()) + " %.";
    }

    static BigDecimal percent(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Counts skuCounts(String sku, LocalDate from, LocalDate to) {
        return counts(dsl.select(DSL.sum(ALERT_SKU_DAY.SHIPPED), DSL.sum(ALERT_SKU_DAY.RETURNED))
                .from(ALERT_SKU_DAY).where(ALERT_SKU_DAY.SKU.eq(sku).and(ALERT_SKU_DAY.DAY.between(from, to)))
                .fetchOne());
    }

    private static Counts counts(Record2<BigDecimal, BigDecimal> sums) {
        return new Counts(sums == null || sums.value1() == null ? 0 : sums.value1().longValue(),
                sums == null || sums.value2() == null ? 0 : sums.value2().longValue());
    }

    private void add(String sku, LocalDate day, int shipped, int returned) {
        dsl.insertInto(ALERT_SKU_DAY).set(ALERT_SKU_DAY.SKU, sku).set(ALERT_SKU_DAY.DAY, day)
                .set(ALERT_SKU_DAY.SHIPPED, shipped).set(ALERT_SKU_DAY.RETURNED, returned)
                .onConflict(ALERT_SKU_DAY.SKU, ALERT_SKU_DAY.DAY).doUpdate()
                .set(ALERT_SKU_DAY.SHIPPED, ALERT_SKU_DAY.SHIPPED.plus(shipped))
                .set(ALERT_SKU_DAY.RETURNED, ALERT_SKU_DAY.RETURNED.plus(returned))
                .execute();
        dsl.insertInto(ALERT_ALL_DAY).set(ALERT_ALL_DAY.DAY, day)
                .set(ALERT_ALL_DAY.SHIPPED, shipped).set(ALERT_ALL_DAY.RETURNED, returned)
                .onConflict(ALERT_ALL_DAY.DAY).doUpdate()
                .set(ALERT_ALL_DAY.SHIPPED, ALERT_ALL_DAY.SHIPPED.plus(shipped))
                .set(ALERT_ALL_DAY.RETURNED, ALERT_ALL_DAY.RETURNED.plus(returned))
                .execute();
    }

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
