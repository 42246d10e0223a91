package com.omniops.command.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.count.ApproveStockCount;
import com.omniops.command.stock.count.CountResult;
import com.omniops.command.stock.count.CountStatus;
import com.omniops.command.stock.count.CountTolerance;
import com.omniops.command.stock.count.RecordStockCount;
import com.omniops.command.stock.count.RejectStockCount;
import com.omniops.command.stock.transfer.TransferStockOut;
import com.omniops.command.stock.issue.IssueStock;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.command.stock.hold.ReleaseHeldStock;
import com.omniops.command.stock.hold.WriteOffHeldStock;
import com.omniops.command.stock.release.ReleaseReservation;
import com.omniops.command.stock.returns.ReturnToStock;
import com.omniops.command.stock.reserve.ReserveBackorder;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockTransferredOut;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One SKU in one warehouse. Invariant: 0 ≤ reserved ≤ on hand − quarantine − refurbishment — no order is ever promised
 * a unit that is not here or not sellable. Quarantined and refurbishment units are on hand but held apart until they
 * are released or written off. Reservations are kept per order line, which makes reserving idempotent and releasing
 * exact.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "stockItemSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StockItem {

    /** Moving-average costs keep four decimals; money shown to people is rounded later, per currency. */
    private static final int COST_SCALE = Money.SCALE;

    @AggregateIdentifier
    private String stockItemId;
    private String sku;
    private String warehouseId;
    private int onHand;
    private int reserved;
    private int quarantine;
    private int refurbishment;
    private BigDecimal averageCost = BigDecimal.ZERO;
    private String currency;
    /** "orderId#lineNo" → units still reserved for that order line */
    private Map<String, Integer> reservations = new HashMap<>();
    /** The count awaiting approval, if any: it blocks further counts until it is approved or rejected. */
    private PendingCount pendingCount;
    private Instant lastCountedAt;

    /** A count's variance waiting for an approver; the counter may not decide it. */
    record PendingCount(String countId, int bookQuantity, int countedQuantity, int variance, boolean withinTolerance,
                        BigDecimal varianceValue, List<CountApprovalReason> reasons, String countedBy) {
    }

    protected StockItem() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public StockLevel handle(ReceiveStock command, ProductCatalog catalog, StockItemRegistry registry, Clock clock) {
        requirePositive(command.quantity(), "received");
        require(command.unitCost().amount().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                "The unit cost of a receipt cannot be negative.");
        // Every receipt (a direct one, a goods receipt up to the over-receipt tolerance, a transfer in) ends here, so
        // the stored money range holds for the unit cost, the receipt's value and hence the moving average.
        BigDecimal receiptValue = command.unitCost().amount().multiply(BigDecimal.valueOf(command.quantity()));
        require(Money.withinBounds(command.unitCost().amount()) && Money.withinBounds(receiptValue),
                ErrorCode.VALIDATION_FAILED, "A receipt of " + command.quantity() + " units at "
                        + command.unitCost().amount().toPlainString() + " is outside the accepted money range: its "
                        + "unit cost and its value must not exceed " + Money.MAX_AMOUNT.toPlainString() + ", with at "
                        + "most " + Money.SCALE + " decimals.");
        if (sku == null) {
            require(catalog.exists(command.sku()), ErrorCode.UNKNOWN_SKU,
                    "SKU " + command.sku() + " is not a registered product.");
            require(command.stockItemId().equals(StockItemId.of(command.warehouseId(), command.sku())),
                    ErrorCode.VALIDATION_FAILED, "The stock item id must be warehouse:sku.");
            registry.ensure(command.warehouseId(), command.sku());
        } else {
            require(command.unitCost().currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                    "Stock item " + command.stockItemId() + " is valued in " + currency + "; a receipt in "
                            + command.unitCost().currency() + " cannot be averaged into it.");
        }
        BigDecimal value = averageCost.multiply(BigDecimal.valueOf(onHand))
                .add(command.unitCost().amount().multiply(BigDecimal.valueOf(command.quantity())));
        int newOnHand = onHand + command.quantity();
        BigDecimal newAverage = value.divide(BigDecimal.valueOf(newOnHand), COST_SCALE, RoundingMode.HALF_UP);
        String costCurrency = command.unitCost().currency();
        apply(new StockReceived(command.stockItemId(), command.sku(), command.warehouseId(), command.quantity(),
                command.unitCost(), command.source(), command.reference(), new Money(newAverage, costCurrency),
                newOnHand, reserved, clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReserveStock command, Clock clock) {
        requirePositive(command.quantity(), "reserved");
        Integer existing = reservations.get(key(command.orderId(), command.lineNo()));
        if (existing != null) {
            require(existing == command.quantity(), ErrorCode.RESERVATION_CONFLICT,
                    "Line " + command.lineNo() + " of order " + command.orderId() + " already holds " + existing
                            + " units of " + sku + " in " + warehouseId + "; it cannot be re-reserved as "
                            + command.quantity() + ".");
            return level(); // the same reservation again: already done
        }
        require(command.quantity() <= available(), ErrorCode.INSUFFICIENT_STOCK,
                "Only " + available() + " units of " + sku + " are available in " + warehouseId + "; "
                        + command.quantity() + " were requested.");
        apply(new StockReserved(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                command.quantity(), onHand, reserved + command.quantity(), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReserveBackorder command, Clock clock) {
        requirePositive(command.quantity(), "reserved");
        require(command.quantity() <= available(), ErrorCode.INSUFFICIENT_STOCK,
                "Only " + available() + " units of " + sku + " are available in " + warehouseId + "; "
                        + command.quantity() + " were requested.");
        apply(new StockReserved(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                command.quantity(), onHand, reserved + command.quantity(), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReleaseReservation command, Clock clock) {
        Integer held = reservations.get(key(command.orderId(), command.lineNo()));
        if (held != null) {
            apply(new StockReservationReleased(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                    held, command.reason(), onHand, reserved - held, clock.instant()));
        }
        return level();
    }

    @CommandHandler
    public StockLevel handle(IssueStock command, Clock clock) {
        requirePositive(command.quantity(), "issued");
        int held = reservations.getOrDefault(key(command.orderId(), command.lineNo()), 0);
        require(command.quantity() <= held, ErrorCode.RESERVATION_MISSING,
                "Line " + command.lineNo() + " of order " + command.orderId() + " has " + held + " units of " + sku
                        + " reserved in " + warehouseId + "; " + command.quantity() + " cannot be shipped.");
        apply(new StockIssued(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                command.shipmentId(), command.quantity(), new Money(averageCost, currency),
                onHand - command.quantity(), reserved - command.quantity(),
                command.issuedAt() != null ? command.issuedAt() : clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(AdjustStock command, Clock clock) {
        require(command.quantityDelta() != 0, ErrorCode.VALIDATION_FAILED, "An adjustment must change the quantity.");
        require(command.reason() != null, ErrorCode.VALIDATION_FAILED, "An adjustment needs a reason code.");
        int newOnHand = onHand + command.quantityDelta();
        require(newOnHand >= reserved + held(), ErrorCode.ADJUSTMENT_BELOW_RESERVED,
                "Adjusting " + sku + " in " + warehouseId + " by " + command.quantityDelta() + " would leave "
                        + newOnHand + " on hand for " + reserved + " reserved and " + held()
                        + " held units; release, ship or write those off first.");
        apply(new StockAdjusted(stockItemId, sku, warehouseId, command.quantityDelta(), command.reason(),
                command.note(), new Money(averageCost, currency), newOnHand, reserved, clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReturnToStock command, Clock clock) {
        requirePositive(command.quantity(), "returned");
        require(command.disposition() != null, ErrorCode.VALIDATION_FAILED, "A returned unit needs a disposition.");
        int returnedOnHand = command.disposition() == ReturnDisposition.WRITE_OFF ? 0 : command.quantity();
        int newQuarantine = quarantine + (command.disposition() == ReturnDisposition.QUARANTINE ? command.quantity() : 0);
        int newRefurbishment = refurbishment
                + (command.disposition() == ReturnDisposition.REFURBISH ? command.quantity() : 0);
        apply(new StockReturned(stockItemId, sku, warehouseId, command.orderId(), command.returnId(),
                command.lineNo(), command.quantity(), command.disposition(), new Money(averageCost, currency),
                onHand + returnedOnHand, reserved, newQuarantine, newRefurbishment, clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReleaseHeldStock command, Clock clock) {
        requirePositive(command.quantity(), "released");
        requireHeld(command.hold(), command.quantity());
        boolean quarantined = command.hold() == StockHold.QUARANTINE;
        apply(new StockReleasedFromHold(stockItemId, sku, warehouseId, command.hold(), command.quantity(),
                command.note(), onHand, reserved, quarantine - (quarantined ? command.quantity() : 0),
                refurbishment - (quarantined ? 0 : command.quantity()), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(WriteOffHeldStock command, Clock clock) {
        requirePositive(command.quantity(), "written off");
        requireHeld(command.hold(), command.quantity());
        boolean quarantined = command.hold() == StockHold.QUARANTINE;
        apply(new HeldStockWrittenOff(stockItemId, sku, warehouseId, command.hold(), command.quantity(),
                command.note(), new Money(averageCost, currency), onHand - command.quantity(), reserved,
                quarantine - (quarantined ? command.quantity() : 0),
                refurbishment - (quarantined ? 0 : command.quantity()), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(TransferStockOut command, Clock clock) {
        requirePositive(command.quantity(), "transferred");
        require(!warehouseId.equals(command.toWarehouseId()), ErrorCode.VALIDATION_FAILED,
                "A transfer must go to another warehouse than " + warehouseId + ".");
        require(command.quantity() <= available(), ErrorCode.INSUFFICIENT_STOCK,
                "Only " + available() + " units of " + sku + " are available in " + warehouseId + " (reserved and "
                        + "held units stay); " + command.quantity() + " cannot be transferred.");
        apply(new StockTransferredOut(stockItemId, sku, warehouseId, command.transferId(), command.toWarehouseId(),
                command.quantity(), new Money(averageCost, currency), onHand - command.quantity(), reserved,
                clock.instant()));
        return level();
    }

    /**
     * Records a cycle count. A variance within tolerance and value that keeps the reservations covered is adjusted at
     * once (COUNT_CORRECTION); any other waits for approval, and no other count of this item is taken meanwhile.
     */
    @CommandHandler
    public CountResult handle(RecordStockCount command, CountTolerance tolerance, Clock clock) {
        require(command.countedQuantity() >= 0, ErrorCode.VALIDATION_FAILED, "A counted quantity cannot be negative.");
        if (pendingCount != null) {
            throw new BusinessRuleViolation(ErrorCode.COUNT_PENDING, "Count " + pendingCount.countId() + " of " + sku
                    + " in " + warehouseId + " awaits approval; approve or reject it before counting again.");
        }
        int book = onHand;
        int variance = command.countedQuantity() - book;
        BigDecimal value = averageCost.multiply(BigDecimal.valueOf(variance));
        // The variance's value is stored with the count; like any amount it must fit the money range.
        if (!Money.withinBounds(value)) {
            throw Inputs.invalidField("countedQuantity", "gives a variance of " + variance + " units worth more than "
                    + Money.MAX_AMOUNT.toPlainString() + " at the average cost; count again or receive the units");
        }
        boolean withinTolerance = tolerance.withinTolerance(book, variance);
        List<CountApprovalReason> reasons = new ArrayList<>();
        if (!withinTolerance) {
            reasons.add(CountApprovalReason.BEYOND_TOLERANCE);
        }
        if (tolerance.aboveValueThreshold(value)) {
            reasons.add(CountApprovalReason.ABOVE_VALUE_THRESHOLD);
        }
        if (!keepsReservationsCovered(variance)) {
            reasons.add(CountApprovalReason.BELOW_RESERVED);
        }
        apply(new StockCounted(stockItemId, sku, warehouseId, command.countId(), book, command.countedQuantity(),
                variance, withinTolerance, new Money(averageCost, currency), new Money(value, currency), reasons,
                command.countedBy(), command.note(), book, reserved, clock.instant()));
        if (reasons.isEmpty() && variance != 0) {
            adjustForCount(command.countId(), variance, command.note(), clock);
        }
        return new CountResult(command.countId(), reasons.isEmpty() ? CountStatus.APPLIED : CountStatus.PENDING,
                book, command.countedQuantity(), variance, withinTolerance,
                value, reasons, level());
    }

    @CommandHandler
    public CountResult handle(ApproveStockCount command, Clock clock) {
        PendingCount pending = requirePending(command.countId(), command.approvedBy());
        require(keepsReservationsCovered(pending.variance()), ErrorCode.ADJUSTMENT_BELOW_RESERVED,
                "Count " + pending.countId() + " would leave " + (onHand + pending.variance()) + " units of " + sku
                        + " on hand in " + warehouseId + " for " + reserved + " reserved and " + held()
                        + " held; release or ship reservations first, or reject the count. It stays pending.");
        apply(new StockCountApproved(stockItemId, sku, warehouseId, pending.countId(), pending.variance(),
                command.approvedBy(), command.note(), onHand, reserved, clock.instant()));
        adjustForCount(pending.countId(), pending.variance(), command.note(), clock);
        return result(pending, CountStatus.APPLIED);
    }

    @CommandHandler
    public CountResult handle(RejectStockCount command, Clock clock) {
        PendingCount pending = requirePending(command.countId(), command.rejectedBy());
        apply(new StockCountRejected(stockItemId, sku, warehouseId, pending.countId(), command.rejectedBy(),
                command.reason(), onHand, reserved, clock.instant()));
        return result(pending, CountStatus.REJECTED);
    }

    private PendingCount requirePending(String countId, String decidedBy) {
        require(pendingCount != null && pendingCount.countId().equals(countId), ErrorCode.COUNT_NOT_PENDING,
                "Count " + countId + " of " + sku + " in " + warehouseId + " is not awaiting approval.");
        require(decidedBy == null || !decidedBy.equals(pendingCount.countedBy()), ErrorCode.SELF_APPROVAL_NOT_ALLOWED,
                "Count " + countId + " was taken by " + decidedBy + "; someone else must approve or reject it.");
        return pendingCount;
    }

    private boolean keepsReservationsCovered(int variance) {
        return onHand + variance >= reserved + held();
    }

    private void adjustForCount(String countId, int variance, String note, Clock clock) {
        apply(new StockAdjusted(stockItemId, sku, warehouseId, variance, AdjustmentReason.COUNT_CORRECTION,
                "count " + countId + (note == null || note.isBlank() ? "" : ": " + note),
                new Money(averageCost, currency), onHand + variance, reserved, clock.instant()));
    }

    private CountResult result(PendingCount pending, CountStatus status) {
        return new CountResult(pending.countId(), status, pending.bookQuantity(), pending.countedQuantity(),
                pending.variance(), pending.withinTolerance(), pending.varianceValue(), pending.reasons(), level());
    }

    private void requireHeld(StockHold hold, int quantity) {
        require(hold != null, ErrorCode.VALIDATION_FAILED, "Name the hold: QUARANTINE or REFURBISHMENT.");
        int held = hold == StockHold.QUARANTINE ? quarantine : refurbishment;
        require(quantity <= held, ErrorCode.HELD_STOCK_INSUFFICIENT,
                warehouseId + " holds " + held + " units of " + sku + " in " + hold.name().toLowerCase()
                        + "; " + quantity + " cannot be taken out.");
    }

    /** Units that may still be promised to orders: on hand − reserved − quarantine − refurbishment. */
    public int available() {
        return onHand - reserved - held();
    }

    private int held() {
        return quarantine + refurbishment;
    }

    public String sku() {
        return sku;
    }

    public String warehouseId() {
        return warehouseId;
    }

    public StockLevel level() {
        return new StockLevel(stockItemId, warehouseId, sku, onHand, reserved, quarantine, refurbishment, available(),
                averageCost, currency);
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        stockItemId = event.stockItemId();
        sku = event.sku();
        warehouseId = event.warehouseId();
        onHand = event.onHandAfter();
        averageCost = event.averageCostAfter().amount();
        currency = event.averageCostAfter().currency();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reserved = event.reservedAfter();
        // A line's reservation can grow when its backorder is filled later.
        reservations.merge(key(event.orderId(), event.lineNo()), event.quantity(), Integer::sum);
    }

    @EventSourcingHandler
    void on(StockReservationReleased event) {
        reserved = event.reservedAfter();
        reservations.remove(key(event.orderId(), event.lineNo()));
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        onHand = event.onHandAfter();
        reserved = event.reservedAfter();
        reservations.computeIfPresent(key(event.orderId(), event.lineNo()),
                (k, held) -> held == event.quantity() ? null : held - event.quantity());
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(StockReturned event) {
        applyHeld(event.onHandAfter(), event);
    }

    @EventSourcingHandler
    void on(StockReleasedFromHold event) {
        applyHeld(event.onHandAfter(), event);
    }

    @EventSourcingHandler
    void on(HeldStockWrittenOff event) {
        applyHeld(event.onHandAfter(), event);
    }

    @EventSourcingHandler
    void on(StockTransferredOut event) {
        onHand = event.onHandAfter();
    }

    @EventSourcingHandler
    void on(StockCounted event) {
        lastCountedAt = event.countedAt();
        pendingCount = event.awaitingApproval()
                ? new PendingCount(event.countId(), event.bookQuantity(), event.countedQuantity(), event.variance(),
                event.withinTolerance(), event.varianceValue().amount(), event.approvalReasons(), event.countedBy())
                : null;
    }

    @EventSourcingHandler
    void on(StockCountApproved event) {
        pendingCount = null;
    }

    @EventSourcingHandler
    void on(StockCountRejected event) {
        pendingCount = null;
    }

    private void applyHeld(int onHandAfter, HeldQuantities held) {
        onHand = onHandAfter;
        quarantine = held.quarantineAfter();
        refurbishment = held.refurbishmentAfter();
    }

    private static String key(String orderId, int lineNo) {
        return orderId + "#" + lineNo;
    }

    private static void requirePositive(int quantity, String what) {
        require(quantity > 0, ErrorCode.VALIDATION_FAILED, "The quantity " + what + " must be positive.");
    }
}
