package com.omniops.query.demand;

import com.omniops.projections.demand.DemandHistory;
import com.omniops.projections.demand.SkuDemandPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.Queries;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@Tag(name = "Demand", description = "Daily demand per SKU and warehouse, and forecasts with the numbers behind them")
class DemandController {

    /** The longest date range one request may cover (two years). */
    static final int MAX_DAYS = 731;
    static final int MIN_FORECAST_DAYS = 7;

    private final Queries queries;
    private final Clock clock;

    DemandController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/demand")
    @Operation(summary = "Daily demand of one SKU: units shipped and units reserved per UTC day",
            description = "shipped = Σ StockIssued.quantity by the UTC date of issuedAt (units that left the "
                    + "warehouse: the demand forecasts use); reserved = Σ StockReserved.quantity by the UTC date of "
                    + "reservedAt (demand when ordered, including orders cancelled later). Every day from `from` to "
                    + "`to` is present, zero-filled, oldest first. Without `warehouse` the figures are summed over "
                    + "all warehouses.")
    @ApiResponse(responseCode = "200", description = "The daily series")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_STOCK_ITEM")
    DemandHistory demand(
            @Parameter(description = "Internal SKU", required = true) @RequestParam String sku,
            @Parameter(description = "Warehouse id; all warehouses when absent")
            @RequestParam(required = false) String warehouse,
            @Parameter(description = "First day (YYYY-MM-DD, UTC); default: 29 days before `to`")
            @RequestParam(required = false) @Schema(type = "string", format = "date") String from,
            @Parameter(description = "Last day, inclusive (YYYY-MM-DD, UTC); default: today")
            @RequestParam(required = false) @Schema(type = "string", format = "date") String to) {
        LocalDate last = orElse(RequestParams.date("to", to), today());
        LocalDate first = orElse(RequestParams.date("from", from), last.minusDays(29));
        checkRange(first, last);
        return queries.ask(new GetDemandHistory(RequestParams.required("sku", sku), RequestParams.optional(warehouse),
                first, last),
                ResponseTypes.instanceOf(DemandHistory.class));
    }

    @GetMapping("/api/demand/skus")
    @Operation(summary = "Demand per SKU and warehouse over a date range, most shipped first",
            description = "Only SKU/warehouse pairs with shipped or reserved units in the range appear. Ordered by "
                    + "shippedUnits descending, then SKU, then warehouse.")
    @ApiResponse(responseCode = "200", description = "A page of SKU demand rows")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    SkuDemandPage skus(
            @Parameter(description = "Warehouse id; all warehouses when absent")
            @RequestParam(required = false) String warehouse,
            @Parameter(description = "First day (YYYY-MM-DD, UTC); default: 29 days before `to`")
            @RequestParam(required = false) @Schema(type = "string", format = "date") String from,
            @Parameter(description = "Last day, inclusive (YYYY-MM-DD, UTC); default: today")
            @RequestParam(required = false) @Schema(type = "string", format = "date") String to,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        LocalDate last = orElse(RequestParams.date("to", to), today());
        LocalDate first = orElse(RequestParams.date("from", from), last.minusDays(29));
        checkRange(first, last);
        return queries.ask(new ListSkuDemand(RequestParams.optional(warehouse), first, last, paging.page(),
                paging.size()),
                ResponseTypes.instanceOf(SkuDemandPage.class));
    }

    @GetMapping("/api/forecast")
    @Operation(summary = "Forecast daily demand of one SKU; with a lead time also safety stock and reorder point",
            description = """
                    History: shipped units of the `days` days ending with `asOf` (default: yesterday, the last \
                    complete UTC day), zero-filled.
                    Method: ADI = days / days with demand; ADI > 1.32 → CROSTON_SBA, else SES.
                    SES: level ℓ1 = y1, ℓt = ℓt−1 + α·(yt − ℓt−1); forecastDailyRate = ℓn.
                    CROSTON_SBA: on demand days only, size z ← z + α·(yt − z), interval p ← p + α·(q − p) \
                    (first demand: z = y, p = its day number); forecastDailyRate = (1 − α/2)·z/p.
                    demandStdDev σd = root mean square of the one-step-ahead errors yt − ft−1 (SES: days 2..n; \
                    Croston: the days after the first demand).
                    With leadTimeMeanDays L̄ (and leadTimeStdDevDays σL, default 0): z = Φ⁻¹(serviceLevel), \
                    safetyStock = z·sqrt(L̄·σd² + d̄²·σL²), reorderPoint = d̄·L̄ + safetyStock, d̄ = forecastDailyRate.
                    Decimals are rounded to 4 places in the answer.""")
    @ApiResponse(responseCode = "200", description = "The forecast and the numbers behind it")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_STOCK_ITEM")
    DemandForecastView forecast(
            @Parameter(description = "Internal SKU", required = true) @RequestParam String sku,
            @Parameter(description = "Warehouse id; all warehouses when absent")
            @RequestParam(required = false) String warehouse,
            @Parameter(description = "Days of history, 7 to 731") @RequestParam(defaultValue = "90") int days,
            @Parameter(description = "Last day of history (YYYY-MM-DD, UTC); default: yesterday")
            @RequestParam(required = false) @Schema(type = "string", format = "date") String asOf,
            @Parameter(description = "Smoothing constant α, above 0 and at most 1")
            @RequestParam(defaultValue = "0.2") double alpha,
            @Parameter(description = "Cycle service level, 0.5 to 0.9999")
            @RequestParam(defaultValue = "0.95") double serviceLevel,
            @Parameter(description = "Mean replenishment lead time in days (0 to 365); no reorder point without it")
            @RequestParam(required = false) Double leadTimeMeanDays,
            @Parameter(description = "Standard deviation of the lead time in days (0 to 365, default 0)")
            @RequestParam(required = false) Double leadTimeStdDevDays) {
        if (days < MIN_FORECAST_DAYS || days > MAX_DAYS) {
            throw RequestParams.invalid("days", "days must be between " + MIN_FORECAST_DAYS + " and " + MAX_DAYS
                    + ", got " + days);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw RequestParams.invalid("alpha", "alpha must be above 0 and at most 1, got " + alpha);
        }
        if (!(serviceLevel >= 0.5 && serviceLevel <= 0.9999)) {
            throw RequestParams.invalid("serviceLevel", "serviceLevel must be between 0.5 and 0.9999, got "
                    + serviceLevel);
        }
        checkDays("leadTimeMeanDays", leadTimeMeanDays);
        checkDays("leadTimeStdDevDays", leadTimeStdDevDays);
        if (leadTimeStdDevDays != null && leadTimeMeanDays == null) {
            throw RequestParams.invalid("leadTimeStdDevDays", "leadTimeStdDevDays needs leadTimeMeanDays");
        }
        LocalDate last = orElse(RequestParams.date("asOf", asOf), today().minusDays(1));
        return queries.ask(new GetDemandForecast(RequestParams.required("sku", sku),
                RequestParams.optional(warehouse), last, days, alpha,
                        serviceLevel, leadTimeMeanDays, leadTimeStdDevDays == null ? 0 : leadTimeStdDevDays,
                        clock.instant()),
                ResponseTypes.instanceOf(DemandForecastView.class));
    }

    private static LocalDate orElse(LocalDate given, LocalDate fallback) {
        return given != null ? given : fallback;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw RequestParams.invalid("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw RequestParams.invalid("from", "the range may cover at most " + MAX_DAYS + " days, got " + days);
        }
    }

    private static void checkDays(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 365)) {
            throw RequestParams.invalid(name, name + " must be between 0 and 365, got " + value);
        }
    }
}
