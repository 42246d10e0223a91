package com.omniops.command.stock.count;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.stock.StockLevel;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The cycle counts of one stock item (a member of its aggregate): a count's variance within tolerance and value that
 * keeps the reservations covered is adjusted at once (COUNT_CORRECTION); any other waits for an approver other than
 * the counter, and no other count of the item is taken meanwhile. The stock item routes the count commands here with
 * its level before the command and a way to read it after; this class decides and applies the events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class StockCount {

    /** The count awaiting approval, if any. */
    private PendingCount pending;

    /** A count's variance waiting for an approver; the counter may not decide it. */
    record PendingCount(String countId, int bookQuantity, int countedQuantity, int variance, boolean withinTolerance,
                        BigDecimal varianceValue, List<CountApprovalReason> reasons, String countedBy) {
    }

    public CountResult record(RecordStockCount command, StockLevel level, Supplier<StockLevel> after,
                              CountTolerance tolerance, Clock clock) {
        require(command.countedQuantity() >= 0, ErrorCode.VALIDATION_FAILED, "A counted quantity cannot be negative.");
        if (pending != null) {
            throw new BusinessRuleViolation(ErrorCode.COUNT_PENDING, "Count " + pending.countId() + " of "
                    + level.sku() + " in " + level.warehouseId()
                    + " awaits approval; approve or reject it before counting again.");
        }
        int book = level.onHand();
        int variance = command.countedQuantity() - book;
        BigDecimal value = level.averageUnitCost().multiply(BigDecimal.valueOf(variance));
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
        if (!level.keepsCommitmentsCovered(book + variance)) {
            reasons.add(CountApprovalReason.BELOW_RESERVED);
        }
        apply(new StockCounted(level.stockItemId(), level.sku(), level.warehouseId(), command.countId(), book,
                command.countedQuantity(), variance, withinTolerance, cost(level), new Money(value, level.currency()),
                reasons, command.countedBy(), command.note(), book, level.reserved(), clock.instant()));
        if (reasons.isEmpty() && variance != 0) {
            adjust(level, command.countId(), variance, command.note(), clock);
        }
        return new CountResult(command.countId(), reasons.isEmpty() ? CountStatus.APPLIED : CountStatus.PENDING,
                book, command.countedQuantity(), variance, withinTolerance, value, reasons, after.get());
    }

    public CountResult approve(ApproveStockCount command, StockLevel level, Supplier<StockLevel> after, Clock clock) {
        PendingCount count = requirePending(level, command.countId(), command.approvedBy());
        require(level.keepsCommitmentsCovered(level.onHand() + count.variance()), ErrorCode.ADJUSTMENT_BELOW_RESERVED,
                "Count " + count.countId() + " would leave " + (level.onHand() + count.variance()) + " units of "
                        + level.sku() + " on hand in " + level.warehouseId() + " for " + level.reserved()
                        + " reserved and " + (level.quarantine() + level.refurbishment()) + " held; release or ship "
                        + "reservations first, or reject the count. It stays pending.");
        apply(new StockCountApproved(level.stockItemId(), level.sku(), level.warehouseId(), count.countId(),
                count.variance(), command.approvedBy(), command.note(), level.onHand(), level.reserved(),
                clock.instant()));
        adjust(level, count.countId(), count.variance(), command.note(), clock);
        return result(count, CountStatus.APPLIED, after.get());
    }

    public CountResult reject(RejectStockCount command, StockLevel level, Clock clock) {
        PendingCount count = requirePending(level, command.countId(), command.rejectedBy());
        apply(new StockCountRejected(level.stockItemId(), level.sku(), level.warehouseId(), count.countId(),
                command.rejectedBy(), command.reason(), level.onHand(), level.reserved(), clock.instant()));
        return result(count, CountStatus.REJECTED, level);
    }

    private PendingCount requirePending(StockLevel level, String countId, String decidedBy) {
        require(pending != null && pending.countId().equals(countId), ErrorCode.COUNT_NOT_PENDING,
                "Count " + countId + " of " + level.sku() + " in " + level.warehouseId()
                        + " is not awaiting approval.");
        require(decidedBy == null || !decidedBy.equals(pending.countedBy()), ErrorCode.SELF_APPROVAL_NOT_ALLOWED,
                "Count " + countId + " was taken by " + decidedBy + "; someone else must approve or reject it.");
        return pending;
    }

    /** The variance becomes an ordinary adjustment, at the current average cost. */
    private static void adjust(StockLevel level, String countId, int variance, String note, Clock clock) {
        apply(new StockAdjusted(level.stockItemId(), level.sku(), level.warehouseId(), variance,
                AdjustmentReason.COUNT_CORRECTION, "count " + countId + (note == null || note.isBlank() ? "" : ": "
                + note), cost(level), level.onHand() + variance, level.reserved(), clock.instant()));
    }

    private static Money cost(StockLevel level) {
        return new Money(level.averageUnitCost(), level.currency());
    }

    private static CountResult result(PendingCount count, CountStatus status, StockLevel level) {
        return new CountResult(count.countId(), status, count.bookQuantity(), count.countedQuantity(),
                count.variance(), count.withinTolerance(), count.varianceValue(), count.reasons(), level);
    }

    @EventSourcingHandler
    void on(StockCounted event) {
        pending = event.awaitingApproval()
                ? new PendingCount(event.countId(), event.bookQuantity(), event.countedQuantity(), event.variance(),
                event.withinTolerance(), event.varianceValue().amount(), event.approvalReasons(), event.countedBy())
                : null;
    }

    @EventSourcingHandler
    void on(StockCountApproved event) {
        pending = null;
    }

    @EventSourcingHandler
    void on(StockCountRejected event) {
        pending = null;
    }
}
