package com.omniops.projections.kpis;

import com.omniops.projections.ledger.Margin;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;

/**
 * The KPI figures of one period and what they are computed from: the one definition of each KPI (docs/kpis.md). Rates
 * are percentages rounded half-up to two decimals, null when nothing was counted (a rate of nothing is not 100 %).
 */
public final class Kpis {

    private Kpis() {
    }

    /** One period (a day, an ISO week from Monday, or a month; UTC days, both ends inclusive) and its figures. */
    public record Period(String period, LocalDate from, LocalDate to, PerfectOrder perfectOrder, CycleTime cycleTime,
                         FillRate fillRate, InventoryAccuracy inventoryAccuracy, ReturnRate returnRate,
                         InStock inStock, SupplierPerformance suppliers, SellThrough sellThrough,
                         GrossMargin grossMargin, BigDecimal daysToClose, Change change) {
    }

    /**
     * Orders delivered in the period (counted on the UTC day of their last delivery) and how many were perfect on
     * each component. {@code rate} is the count form: perfect on all four ÷ delivered; {@code componentProduct} the
     * product of the four component rates, the other published definition (they differ when the failures fall on
     * different orders).
     */
    public record PerfectOrder(int ordersDelivered, int perfect, int onTime, int shippedComplete, int damageFree,
                               int documentationAccurate, BigDecimal rate, BigDecimal onTimeRate,
                               BigDecimal shippedCompleteRate, BigDecimal damageFreeRate,
                               BigDecimal documentationAccurateRate, BigDecimal componentProduct) {

        static PerfectOrder of(int delivered, int perfect, int onTime, int complete, int damageFree, int accurate) {
            BigDecimal product = delivered == 0 ? null : fraction(onTime, delivered)
                    .multiply(fraction(complete, delivered)).multiply(fraction(damageFree, delivered))
                    .multiply(fraction(accurate, delivered)).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
            return new PerfectOrder(delivered, perfect, onTime, complete, damageFree, accurate,
                    percent(perfect, delivered), percent(onTime, delivered), percent(complete, delivered),
                    percent(damageFree, delivered), percent(accurate, delivered), product);
        }
    }

    /**
     * Placed → last delivery of the orders delivered in the period: mean in hours (two decimals), p50 and p90 in whole
     * hours (nearest rank over cycle times rounded down to the hour); null without deliveries.
     */
    public record CycleTime(int orders, BigDecimal meanHours, Integer p50Hours, Integer p90Hours) {

        static CycleTime of(int orders, long seconds, NavigableMap<Integer, Integer> ordersByHours) {
            if (orders == 0) {
                return new CycleTime(0, null, null, null);
            }
            BigDecimal mean = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600L * orders), 2,
                    RoundingMode.HALF_UP);
            return new CycleTime(orders, mean, nearestRank(ordersByHours, 50), nearestRank(ordersByHours, 90));
        }

        /** The smallest value whose cumulative count reaches ⌈p/100 × n⌉. */
        static Integer nearestRank(NavigableMap<Integer, Integer> counts, int percentile) {
            long n = counts.values().stream().mapToLong(Integer::longValue).sum();
            if (n == 0) {
                return null;
            }
            long rank = Math.max(1, (n * percentile + 99) / 100);
            long seen = 0;
            for (var e : counts.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey();
                }
            }
            return counts.lastKey();
        }
    }

    /**
     * Orders placed in the period: lines fully reserved at placement ÷ lines ordered, units reserved at placement ÷
     * units ordered (what a backorder fills later does not count).
     */
    public record FillRate(int ordersPlaced, long linesOrdered, long linesFilled, long unitsOrdered, long unitsFilled,
                           BigDecimal lineRate, BigDecimal unitRate) {

        static FillRate of(int orders, long lines, long linesFilled, long units, long unitsFilled) {
            return new FillRate(orders, lines, linesFilled, units, unitsFilled, percent(linesFilled, lines),
                    percent(unitsFilled, units));
        }
    }

    /** Stock counts in the period (all warehouses; not per channel): counts within tolerance ÷ counts. */
    public record InventoryAccuracy(int counts, int withinTolerance, BigDecimal rate) {

        static InventoryAccuracy of(int counts, int within) {
            return new InventoryAccuracy(counts, within, percent(within, counts));
        }
    }

    /**
     * The ship cohort of the period: units shipped on its days, and of those units the ones customers asked to return
     * (at any time later, counted against the day the line shipped) ÷ units shipped; {@code byValue} the same by what
     * the customers paid, per currency. A recent cohort's rate still grows while its returns come in.
     */
    public record ReturnRate(long unitsShipped, long unitsReturned, BigDecimal rate, List<ReturnValue> byValue) {

        public ReturnRate {
            byValue = List.copyOf(byValue);
        }

        static ReturnRate of(long shipped, long returned, List<ReturnValue> byValue) {
            return new ReturnRate(shipped, returned, percent(returned, shipped), byValue);
        }
    }

    /**
     * The return rate by value, in one currency (the orders' own; never converted): the gross the customers paid for
     * the units shipped in the period, for those of them asked to be returned, and returned ÷ shipped.
     */
    public record ReturnValue(String currency, BigDecimal shipped, BigDecimal returned, BigDecimal rate) {

        static ReturnValue of(String currency, BigDecimal shipped, BigDecimal returned) {
            int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return new ReturnValue(currency, shipped.setScale(scale, RoundingMode.HALF_UP),
                    returned.setScale(scale, RoundingMode.HALF_UP), shipped.signum() == 0 ? null
                    : returned.multiply(HUNDRED).divide(shipped, 2, RoundingMode.HALF_UP));
        }
    }

    /**
     * Purchase orders ({@link SupplierDelivery}, all suppliers or one; not per channel): lines due in the period (by
     * the date the supplier promised, once that date has ended) received in full by that date ÷ lines due; for the orders received in full in
     * the period, the mean lead time in days the suppliers promised and the one they took, and their difference (late
     * days, negative when early), two decimals.
     */
    public record SupplierPerformance(long linesDue, long linesOnTimeInFull, BigDecimal onTimeInFullRate,
                                      long ordersReceived, BigDecimal meanPromisedLeadDays,
                                      BigDecimal meanActualLeadDays, BigDecimal meanLateDays) {

        static SupplierPerformance of(long due, long onTimeInFull, long received, long promisedDays,
                                      long actualDays) {
            return new SupplierPerformance(due, onTimeInFull, percent(onTimeInFull, due), received,
                    mean(promisedDays, received), mean(actualDays, received), mean(actualDays - promisedDays,
                    received));
        }

        private static BigDecimal mean(long days, long orders) {
            return orders == 0 ? null : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(orders), 2,
                    RoundingMode.HALF_UP);
        }
    }

    /**
     * SKU-days of the channel (or all channels) in the period up to today: each SKU listed and not discontinued counts
     * one a day, in stock when the channel may sell at least one unit of it ({@code StockPosition.availableToSell}) at
     * the end of that UTC day (today: now); {@code rate} = in-stock SKU-days ÷ SKU-days, {@code stockouts} = times a
     * listed SKU's available-to-sell fell to zero in the period.
     */
    public record InStock(long skuDays, long inStockSkuDays, BigDecimal rate, long stockouts) {

        static InStock of(long skuDays, long inStock, long stockouts) {
            return new InStock(skuDays, inStock, percent(inStock, skuDays), stockouts);
        }
    }

    /**
     * Stock (all warehouses; not per channel): units sold (issued to customers' orders) in the period ÷ (units on hand
     * when the period began + units received from outside the company in it: purchase orders, opening balances,
     * customer returns, other receipts; a transfer between the company's warehouses is neither).
     */
    public record SellThrough(long openingOnHand, long received, long sold, BigDecimal rate) {

        static SellThrough of(long opening, long received, long sold) {
            return new SellThrough(opening, received, sold, percent(sold, opening + received));
        }
    }

    /** An age band of the units on hand: {@code fromDays} to {@code toDays} (null: no upper end) days since entry. */
    public enum AgeBand {
        DAYS_0_30(0, 30), DAYS_31_60(31, 60), DAYS_61_90(61, 90), DAYS_OVER_90(91, null);

        public final int fromDays;
        public final Integer toDays;

        AgeBand(int fromDays, Integer toDays) {
            this.fromDays = fromDays;
            this.toDays = toDays;
        }

        /** The band of units that entered {@code days} days ago. */
        public static AgeBand of(long days) {
            return days <= 30 ? DAYS_0_30 : days <= 60 ? DAYS_31_60 : days <= 90 ? DAYS_61_90 : DAYS_OVER_90;
        }
    }

    /**
     * The units on hand by how long ago they entered the warehouse's on-hand stock (first in, first out: a decrease
     * takes the oldest units), in whole UTC days before {@code asOf}; {@code percent} of all units on hand.
     */
    public record StockAging(LocalDate asOf, String warehouseId, long unitsOnHand, List<AgeBandUnits> bands) {
        public StockAging {
            bands = List.copyOf(bands);
        }
    }

    public record AgeBandUnits(AgeBand band, int fromDays, Integer toDays, long units, BigDecimal percent) {
    }

    /** From the books ({@link Margin}, business dates of the period): net sales, gross margin and its %. */
    public record GrossMargin(String currency, BigDecimal netSales, BigDecimal grossMargin, BigDecimal percent) {

        static GrossMargin of(String currency, Margin margin) {
            return new GrossMargin(currency, margin.netSales(), margin.grossMargin(), margin.grossMarginPercent());
        }
    }

    /**
     * Against the previous period of the same length: rates in percentage points, cycle time in hours, late days and
     * days to close in days; null where either period has no figure.
     */
    public record Change(BigDecimal perfectOrderRate, BigDecimal componentProduct, BigDecimal meanCycleHours,
                         BigDecimal unitFillRate, BigDecimal lineFillRate, BigDecimal inventoryAccuracy,
                         BigDecimal returnRate, BigDecimal supplierOnTimeInFull, BigDecimal supplierLateDays,
                         BigDecimal sellThrough, BigDecimal inStockRate,
                         BigDecimal grossMarginPercent, BigDecimal daysToClose) {

        static Change between(Period current, Period previous) {
            return new Change(
                    minus(current.perfectOrder().rate(), previous.perfectOrder().rate()),
                    minus(current.perfectOrder().componentProduct(), previous.perfectOrder().componentProduct()),
                    minus(current.cycleTime().meanHours(), previous.cycleTime().meanHours()),
                    minus(current.fillRate().unitRate(), previous.fillRate().unitRate()),
                    minus(current.fillRate().lineRate(), previous.fillRate().lineRate()),
                    minus(current.inventoryAccuracy().rate(), previous.inventoryAccuracy().rate()),
                    minus(current.returnRate().rate(), previous.returnRate().rate()),
                    minus(current.suppliers().onTimeInFullRate(), previous.suppliers().onTimeInFullRate()),
                    minus(current.suppliers().meanLateDays(), previous.suppliers().meanLateDays()),
                    minus(current.sellThrough().rate(), previous.sellThrough().rate()),
                    minus(current.inStock().rate(), previous.inStock().rate()),
                    minus(percentOf(current.grossMargin()), percentOf(previous.grossMargin())),
                    minus(current.daysToClose(), previous.daysToClose()));
        }

        private static BigDecimal percentOf(GrossMargin margin) {
            return margin == null ? null : margin.percent();
        }
    }

    /** The answer: the periods asked for, oldest first, each compared with the one before it. */
    public record Report(String channelId, Granularity granularity, LocalDate from, LocalDate to,
                         List<Period> periods) {
        public Report {
            periods = List.copyOf(periods);
        }
    }

    public enum Granularity { DAY, WEEK, MONTH }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal fraction(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
