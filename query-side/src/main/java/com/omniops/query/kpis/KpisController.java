package com.omniops.query.kpis;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

import com.omniops.projections.kpis.Kpis.Granularity;
import com.omniops.projections.kpis.Kpis.Report;
import com.omniops.projections.kpis.KpisReadModel;
import com.omniops.projections.kpis.KpisReadModel.Failed;
import com.omniops.projections.kpis.Kpis.AgeBand;
import com.omniops.projections.kpis.Kpis.StockAging;
import com.omniops.projections.kpis.KpisReadModel.AgedStockPage;
import com.omniops.projections.kpis.KpisReadModel.KpiOrderPage;
import com.omniops.projections.kpis.KpisReadModel.KpiPurchaseOrderLinePage;
import com.omniops.projections.kpis.KpisReadModel.SupplierKpis;
import com.omniops.projections.kpis.KpisReadModel.OrderDays;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/kpis")
@Tag(name = "KPIs", description = "Operations KPIs per channel and day, week or month, with the change against the "
        + "previous period and the orders behind them (docs/kpis.md)")
class KpisController {

    static final String DEFINITIONS = " Definitions (docs/kpis.md; days are UTC): an order counts for the perfect "
            + "order and the cycle time on the day its last shipment was delivered (every unit shipped, every shipment "
            + "delivered, not cancelled). On time: no shipment left after the order's promised ship date (the promise "
            + "the backbone holds). Shipped complete: one shipment and every unit reserved at placement. Damage-free: "
            + "no return line with reason DAMAGED or DEFECTIVE; documentation-accurate: none with WRONG_ITEM. Perfect "
            + "order rate = orders perfect on all four ÷ orders delivered (count form); componentProduct = the product "
            + "of the four component rates (the other published form). Cycle time = placed → last delivery: mean in "
            + "hours, p50 and p90 in whole hours (nearest rank). Fill rate, on the day the order was placed: lines "
            + "fully reserved at placement ÷ lines ordered, units reserved ÷ units ordered. Inventory accuracy: counts "
            + "within tolerance ÷ counts (all warehouses). Return rate, by ship cohort: units shipped on the "
            + "period's days that customers asked to return (whenever they did) ÷ units shipped; byValue the same by the "
            + "gross paid, per currency. In stock (days up to today): SKU-days a listed, not discontinued SKU had "
            + "available-to-sell > 0 at the day's end ÷ SKU-days listed; stockouts = falls to zero. Supplier "
            + "on-time-in-full (all suppliers): purchase order lines due in the period (sent, not cancelled, due on the "
            + "date the supplier last confirmed, else the date asked for) whose received units reached the confirmed "
            + "(else ordered) quantity by that date ÷ lines due; lead time of the orders received in full in the "
            + "period: promised (sent → promised date) and actual (sent → last receipt) days, and late days = actual − "
            + "promised. Sell-through (all warehouses): units issued to customers' orders in the period ÷ (units on "
            + "hand when it began + units received from outside the company in it; transfers between warehouses are "
            + "neither). Gross margin: the books' (docs/ledger.md \"Margins\"), by business date. Days to close: the month's (MONTH only). Rates are percentages, null when nothing was "
            + "counted; change = this period − the previous one (percentage points, hours, days).";

    private final KpisReadModel kpis;
    private final Clock clock;

    KpisController(KpisReadModel kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "KPIs per day, week or month for a channel or all, with the change against the period before",
            description = "Whole periods from the one holding `from` to the one holding `to` (weeks from Monday), "
                    + "oldest first; at most " + KpisReadModel.MAX_PERIODS + " periods. Defaults: MONTH, to = today, "
                    + "from = 11 months (MONTH), 11 weeks (WEEK) or 29 days (DAY) before." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The periods and their KPIs")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    Report report(
            @Parameter(description = "Channel (default: all)") @RequestParam(required = false) String channel,
            @Parameter(description = "DAY, WEEK or MONTH (default MONTH)") @RequestParam(required = false)
            String granularity,
            @Parameter(description = "A day of the first period, yyyy-MM-dd") @RequestParam(required = false)
            String from,
            @Parameter(description = "A day of the last period, yyyy-MM-dd (default today, UTC)")
            @RequestParam(required = false) String to) {
        Granularity unit = granularity == null ? Granularity.MONTH
                : RequestParams.enumValue("granularity", granularity, Granularity.class);
        LocalDate[] range = RequestParams.dateRange(from, to);
        LocalDate last = range[1] == null ? LocalDate.now(clock) : range[1];
        LocalDate first = range[0] != null ? range[0] : switch (unit) {
            case DAY -> last.minusDays(29);
            case WEEK -> last.minusWeeks(11);
            case MONTH -> last.minusMonths(11);
        };
        if (first.isAfter(last)) {
            throw RequestParams.invalid("from", "from (" + first + ") must not be after to (" + last + ")");
        }
        long periods = KpisReadModel.periodsBetween(unit, first, last);
        if (periods > KpisReadModel.MAX_PERIODS) {
            throw RequestParams.invalid("from", "from " + first + " to " + last + " spans " + periods + " "
                    + unit.name().toLowerCase() + " periods; at most " + KpisReadModel.MAX_PERIODS + " are answered");
        }
        return kpis.report(RequestParams.optional(channel), unit, first, last);
    }

    @GetMapping("/orders")
    @Operation(summary = "The orders behind a period's KPIs: delivered (perfect order, cycle time) or placed (fill "
            + "rate) between two days, optionally only those failing one component",
            description = "Each order with its counts and, once delivered, each perfect order component and its "
                    + "cycle time in seconds. failed=ANY lists the orders delivered but not perfect; ON_TIME, "
                    + "SHIPPED_COMPLETE, DAMAGE_FREE, DOCUMENTATION_ACCURATE those failing that component; FILLED "
                    + "those with a line not fully reserved at placement. Oldest first, paged." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    KpiOrderPage orders(
            @Parameter(description = "Channel (default: all)") @RequestParam(required = false) String channel,
            @Parameter(description = "DELIVERED or PLACED (default DELIVERED): which day the range is of")
            @RequestParam(required = false) String days,
            @Parameter(description = "First day, yyyy-MM-dd (default: to − 29 days)") @RequestParam(required = false)
            String from,
            @Parameter(description = "Last day, yyyy-MM-dd (default today, UTC)") @RequestParam(required = false)
            String to,
            @Parameter(description = "ANY, ON_TIME, SHIPPED_COMPLETE, DAMAGE_FREE, DOCUMENTATION_ACCURATE or FILLED "
                    + "(default: every order)") @RequestParam(required = false) String failed,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        OrderDays which = days == null ? OrderDays.DELIVERED
                : RequestParams.enumValue("days", days, OrderDays.class);
        Failed component = failed == null ? null : RequestParams.enumValue("failed", failed, Failed.class);
        LocalDate[] range = days(from, to, 29);
        return kpis.orders(RequestParams.optional(channel), which, range[0], range[1], component, paging);
    }

    @GetMapping("/suppliers")
    @Operation(summary = "Supplier on-time-in-full and lead time per supplier between two days, worst first",
            description = "Every supplier with a purchase order line due (by its promised date) or an order received "
                    + "in full between the two days, the lowest on-time-in-full first, then the latest on average."
                    + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "One row per supplier")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    List<SupplierKpis> suppliers(
            @Parameter(description = "First day, yyyy-MM-dd (default: to − 89 days)") @RequestParam(required = false)
            String from,
            @Parameter(description = "Last day, yyyy-MM-dd (default today, UTC)") @RequestParam(required = false)
            String to) {
        LocalDate[] range = days(from, to, 89);
        return kpis.suppliers(range[0], range[1]);
    }

    @GetMapping("/purchase-order-lines")
    @Operation(summary = "The purchase order lines behind supplier on-time-in-full: due between two days, optionally "
            + "only those not received in full on time",
            description = "Each line with its ordered, confirmed, expected and received units, the promised date, the "
                    + "day it was received in full (if it was) and whether that was on time. By promised date, paged."
                    + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "A page of purchase order lines")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    KpiPurchaseOrderLinePage purchaseOrderLines(
            @Parameter(description = "Supplier (default: all)") @RequestParam(required = false) String supplier,
            @Parameter(description = "First promised day, yyyy-MM-dd (default: to − 89 days)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Last promised day, yyyy-MM-dd (default today, UTC)")
            @RequestParam(required = false) String to,
            @Parameter(description = "true: only the lines not received in full by their promised date")
            @RequestParam(defaultValue = "false") boolean late,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        LocalDate[] range = days(from, to, 89);
        return kpis.purchaseOrderLines(RequestParams.optional(supplier), range[0], range[1],
                late, paging);
    }

    /** A range of days: {@code to} defaults to today, {@code from} to {@code defaultDays} before it. */
    private LocalDate[] days(String from, String to, int defaultDays) {
        LocalDate[] range = RequestParams.dateRange(from, to);
        LocalDate last = range[1] == null ? LocalDate.now(clock) : range[1];
        LocalDate first = range[0] == null ? last.minusDays(defaultDays) : range[0];
        if (first.isAfter(last)) {
            throw RequestParams.invalid("from", "from (" + first + ") must not be after to (" + last + ")");
        }
        return new LocalDate[] {first, last};
    }
    @GetMapping("/stock-aging")
    @Operation(summary = "Stock aging: the units on hand by days since they entered the warehouse's stock (0–30, 31–60, "
            + "61–90, over 90), today, for one warehouse or all",
            description = "Units enter a warehouse's on-hand stock with a receipt, a transfer in, a restocked return, a "
                    + "release from hold or a count or adjustment gain, and leave it first in, first out (a "
                    + "shipment, transfer out, write-off or loss takes the oldest units). Age = today (UTC) − the day "
                    + "they entered, in whole days; percent of all units on hand." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "The units per age band")
    StockAging stockAging(
            @Parameter(description = "Warehouse (default: all)") @RequestParam(required = false) String warehouse) {
        return kpis.stockAging(RequestParams.optional(warehouse), LocalDate.now(clock));
    }

    @GetMapping("/stock-aging/items")
    @Operation(summary = "The stock items behind an age band: their units on hand in it, the oldest first",
            description = "Each stock item (warehouse and SKU) with units in the band, with the day the oldest of "
                    + "them entered. Paged." + DEFINITIONS)
    @ApiResponse(responseCode = "200", description = "A page of stock items")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    AgedStockPage agedStock(
            @Parameter(description = "DAYS_0_30, DAYS_31_60, DAYS_61_90 or DAYS_OVER_90 (default DAYS_OVER_90)")
            @RequestParam(required = false) String band,
            @Parameter(description = "Warehouse (default: all)") @RequestParam(required = false) String warehouse,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        PageRequest paging = RequestParams.page(page, size);
        AgeBand which = band == null ? AgeBand.DAYS_OVER_90 : RequestParams.enumValue("band", band, AgeBand.class);
        return kpis.agedStock(RequestParams.optional(warehouse), which, LocalDate.now(clock), paging);
    }
}
