package com.omniops.query.demand;

import com.omniops.planning.ForecastMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A demand forecast with the numbers behind it. Decimals are rounded to 4 places (half up) for display; they are
 * computed unrounded.
 *
 * @param history        the series the forecast was made from
 * @param classification why the method was chosen
 * @param reorderPoint   present when a lead time was given
 */
public record DemandForecastView(String sku, String warehouseId, Instant generatedAt, History history,
                                 Classification classification, ForecastMethod method, BigDecimal alpha,
                                 BigDecimal forecastDailyRate, BigDecimal demandStdDev, int residualCount,
                                 ReorderPointView reorderPoint) {

    /** The shipped units per day from {@code from} to {@code to}: how many days, how many with demand, how many units. */
    public record History(LocalDate from, LocalDate to, int days, int daysWithDemand, long totalShipped) {
    }

    /**
     * ADI = days / days with demand (null when there was no demand: infinite), CV² of the non-zero days; the rule:
     * CROSTON_SBA when ADI &gt; {@code adiCutoff}, else SES.
     */
    public record Classification(BigDecimal adi, BigDecimal cv2, BigDecimal adiCutoff, String rule) {
    }

    /** z = Φ⁻¹(serviceLevel); SS = z·sqrt(L̄·σd² + d̄²·σL²); ROP = d̄·L̄ + SS. */
    public record ReorderPointView(BigDecimal serviceLevel, BigDecimal z, BigDecimal leadTimeMeanDays,
                                   BigDecimal leadTimeStdDevDays, BigDecimal leadTimeDemand, BigDecimal safetyStock,
                                   BigDecimal reorderPoint, String formula) {
    }
}
