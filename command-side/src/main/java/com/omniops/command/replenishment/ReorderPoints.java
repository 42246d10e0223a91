package com.omniops.command.replenishment;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.stock.StockPosition;
import com.omniops.planning.LeadTime;
import com.omniops.planning.OrderQuantity;
import com.omniops.planning.ReorderRecommendation;
import com.omniops.planning.Replenishment;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Decides whether a stock item needs replenishing and how much, from its rule, its projected quantity and (for the
 * service-level method) its recent daily demand. Pure: the policy gathers the facts, this does the arithmetic with
 * the formulas of the planning module.
 */
public final class ReorderPoints {

    private ReorderPoints() {
    }

    /** What the policy knows about one stock item with a rule. */
    public record Situation(String stockItemId, String sku, String warehouseId, String supplierId, String method,
                            int min, int max, int multiple, BigDecimal serviceLevel, boolean autoSubmit, int onHand,
                            int reserved, int quarantine, int refurbishment, BigDecimal unitCost, String openProposal,
                            int proposalsMade, int incoming) {

        /** Available + incoming: {@link StockPosition#projected}. */
        public int projected() {
            return new StockPosition(onHand, reserved, quarantine, refurbishment).projected(incoming);
        }
    }

    /** How much to order (0 = nothing) and the numbers behind it. */
    public record Decision(int orderQuantity, String explanation) {
    }

    /**
     * @param dailyDemand shipped units per day, oldest first, zero-filled (used by SERVICE_LEVEL only)
     */
    public static Decision decide(Situation situation, SupplierDirectory.Terms terms, double[] dailyDemand) {
        int projected = situation.projected();
        if (ReorderMethod.valueOf(situation.method()) == ReorderMethod.MIN_MAX) {
            int quantity = OrderQuantity.minMax(projected, situation.min(), situation.max(), situation.multiple(),
                    terms.minimumOrderQuantity());
            return new Decision(quantity, "min/max: projected " + projected + ", min " + situation.min() + ", max "
                    + situation.max() + ", multiple " + situation.multiple());
        }
        LeadTime leadTime = new LeadTime(terms.leadTimeMeanDays().doubleValue(),
                terms.leadTimeStdDevDays().doubleValue());
        double serviceLevel = situation.serviceLevel().doubleValue();
        ReorderRecommendation recommendation = Replenishment.serviceLevel(dailyDemand, leadTime, serviceLevel,
                projected, situation.max(), situation.multiple(), terms.minimumOrderQuantity());
        return new Decision(recommendation.orderQuantity(), String.format(Locale.ROOT,
                "service level %.4f: %s d=%.3f/day sigma=%.3f L=%.1f±%.1f days z=%.4f SS=%.2f ROP=%.2f "
                        + "projected %d", serviceLevel, recommendation.method(), recommendation.meanDailyDemand(),
                recommendation.demandStdDev(), leadTime.meanDays(), leadTime.stdDevDays(), recommendation.z(),
                recommendation.safetyStock(), recommendation.reorderPoint(), projected));
    }
}
