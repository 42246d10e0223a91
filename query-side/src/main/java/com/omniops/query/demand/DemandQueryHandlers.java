package com.omniops.query.demand;

import com.omniops.planning.DemandClassification;
import com.omniops.planning.DemandForecast;
import com.omniops.planning.LeadTime;
import com.omniops.planning.ReorderPoint;
import com.omniops.projections.demand.DemandHistory;
import com.omniops.projections.demand.DemandReadModel;
import com.omniops.projections.demand.SkuDemandPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.QueryProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the demand questions from the demand read model; forecasts use the planning module's formulas. */
@Component
class DemandQueryHandlers {

    static final String RULE = "CROSTON_SBA when ADI > 1.32 (more than ~24% of days without demand), else SES";
    static final String ROP_FORMULA = "SS = z * sqrt(L * sigmaD^2 + d^2 * sigmaL^2); ROP = d * L + SS";

    private final DemandReadModel readModel;

    DemandQueryHandlers(DemandReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    DemandHistory handle(GetDemandHistory query) {
        requireStockItem(query.sku(), query.warehouseId());
        return readModel.history(query.sku(), query.warehouseId(), query.from(), query.to());
    }

    @QueryHandler
    SkuDemandPage handle(ListSkuDemand query) {
        return readModel.list(query.warehouseId(), query.from(), query.to(), new PageRequest(query.page(),
                query.size()));
    }

    @QueryHandler
    DemandForecastView handle(GetDemandForecast query) {
        requireStockItem(query.sku(), query.warehouseId());
        DemandHistory history = readModel.history(query.sku(), query.warehouseId(),
                query.asOf().minusDays(query.days() - 1L), query.asOf());
        double[] series = history.shippedSeries();
        DemandClassification classification = DemandClassification.of(series);
        DemandForecast forecast = classification.forecast(series, query.alpha());

        DemandForecastView.ReorderPointView reorderPoint = null;
        if (query.leadTimeMeanDays() != null) {
            ReorderPoint rop = ReorderPoint.of(forecast.dailyRate(), forecast.residualStdDev(),
                    new LeadTime(query.leadTimeMeanDays(), query.leadTimeStdDevDays()), query.serviceLevel());
            reorderPoint = new DemandForecastView.ReorderPointView(round(rop.serviceLevel()), round(rop.z()),
                    round(rop.leadTime().meanDays()), round(rop.leadTime().stdDevDays()), round(rop.leadTimeDemand()),
                    round(rop.safetyStock()), round(rop.reorderPoint()), ROP_FORMULA);
        }
        return new DemandForecastView(query.sku(), query.warehouseId(), query.generatedAt(),
                new DemandForecastView.History(history.from(), history.to(), series.length,
                        classification.daysWithDemand(), history.totalShipped()),
                new DemandForecastView.Classification(
                        Double.isInfinite(classification.adi()) ? null : round(classification.adi()),
                        round(classification.cv2()), round(DemandClassification.ADI_CUTOFF), RULE),
                forecast.method(), round(forecast.alpha()), round(forecast.dailyRate()),
                round(forecast.residualStdDev()), forecast.residualCount(), reorderPoint);
    }

    private void requireStockItem(String sku, String warehouseId) {
        if (!readModel.stockItemExists(sku, warehouseId)) {
            String detail = warehouseId == null
                    ? "SKU '" + sku + "' has no stock item in any warehouse."
                    : "SKU '" + sku + "' has no stock item in warehouse '" + warehouseId + "'.";
            throw new QueryExecutionException(detail, null,
                    QueryProblem.of(QueryErrorCode.UNKNOWN_STOCK_ITEM, detail));
        }
    }

    /** 4 decimals, half up, without padding zeros (36.78, 1.6449, 20). */
    static BigDecimal round(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }
}
