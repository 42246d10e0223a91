package com.omniops.command.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.count.ApproveStockCount;
import com.omniops.command.stock.count.CountResult;
import com.omniops.command.stock.count.CountTolerance;
import com.omniops.command.stock.count.RecordStockCount;
import com.omniops.command.stock.count.RejectStockCount;
import com.omniops.command.stock.count.StockCount;
import com.omniops.command.stock.hold.HeldStock;
import com.omniops.command.stock.hold.ReleaseHeldStock;
import com.omniops.command.stock.hold.WriteOffHeldStock;
import com.omniops.command.stock.issue.IssueStock;
import com.omniops.command.stock.receive.MovingAverageCost;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.command.stock.release.ReleaseReservation;
import com.omniops.command.stock.reserve.ReserveBackorder;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.command.stock.reserve.Reservations;
import com.omniops.command.stock.returns.ReturnToStock;
import com.omniops.command.stock.transfer.TransferStockOut;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockPosition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One SKU in one warehouse. Invariant: 0 ≤ reserved ≤ on hand − quarantine − refurbishment — no order is ever promised
 * a unit that is not here or not sellable. The quantities are value objects with their rules (reservations per order
 * line, held stock, moving-average cost); cycle counts and their approval live in {@link StockCount}.
 * <p>
 * Snapshotted (every {@code omniops.stock.snapshot-threshold} events, Jackson field access). The revision names the
 * snapshot's shape: Axon reads only snapshots of the aggregate class's revision, so those of another shape (revision 1
 * or none: flat quantities, before the value objects) are ignored and the item is rebuilt from its events
 * (StockItemSnapshotTest). Raise it whenever the fields below, or the value objects in them, change shape.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "stockItemSnapshotTrigger")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StockItem {

    @AggregateIdentifier
    private String stockItemId;
    private String sku;
    private String warehouseId;
    private int onHand;
    private Reservations reservations = new Reservations();
    private HeldStock held = HeldStock.NONE;
    private MovingAverageCost cost = MovingAverageCost.NONE;
    @AggregateMember
    private StockCount counts = new StockCount();

    protected StockItem() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public StockLevel handle(ReceiveStock command, ProductCatalog catalog, StockItemRegistry registry, Clock clock) {
        requirePositive(command.quantity(), "received");
        MovingAverageCost.requireReceivable(command.unitCost(), command.quantity());
        if (sku == null) {
            require(catalog.exists(command.sku()), ErrorCode.UNKNOWN_SKU,
                    "SKU " + command.sku() + " is not a registered product.");
            require(command.stockItemId().equals(StreamIds.stockItem(command.warehouseId(), command.sku())),
                    ErrorCode.VALIDATION_FAILED, "The stock item id must be warehouse:sku.");
            registry.ensure(command.warehouseId(), command.sku());
        } else {
            cost.requireSameCurrency(command.unitCost(), command.stockItemId());
        }
        int newOnHand = onHand + command.quantity();
        Money newAverage = new Money(cost.afterReceipt(onHand, command.unitCost(), command.quantity()),
                command.unitCost().currency());
        apply(new StockReceived(command.stockItemId(), command.sku(), command.warehouseId(), command.quantity(),
                command.unitCost(), command.source(), command.reference(), newAverage, newOnHand, reserved(),
                clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReserveStock command, Clock clock) {
        requirePositive(command.quantity(), "reserved");
        if (reservations.alreadyHolds(command.orderId(), command.lineNo(), command.quantity(), sku, warehouseId)) {
            return level(); // the same reservation again: already done
        }
        reserve(command.orderId(), command.lineNo(), command.quantity(), clock);
        return level();
    }

    /** A backorder's units join whatever its line already holds (the line may be filled in several steps). */
    @CommandHandler
    public StockLevel handle(ReserveBackorder command, Clock clock) {
        requirePositive(command.quantity(), "reserved");
        reserve(command.orderId(), command.lineNo(), command.quantity(), clock);
        return level();
    }

    /** ReservationMayNotExceedAvailable. */
    private void reserve(String orderId, int lineNo, int quantity, Clock clock) {
        require(quantity <= available(), ErrorCode.INSUFFICIENT_STOCK,
                "Only " + available() + " units of " + sku + " are available in " + warehouseId + "; "
                        + quantity + " were requested.");
        apply(new StockReserved(stockItemId, sku, warehouseId, orderId, lineNo, quantity, onHand,
                reserved() + quantity, clock.instant()));
    }

    @CommandHandler
    public StockLevel handle(ReleaseReservation command, Clock clock) {
        if (reservations.holds(command.orderId(), command.lineNo())) {
            int held = reservations.of(command.orderId(), command.lineNo());
            apply(new StockReservationReleased(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                    held, command.reason(), onHand, reserved() - held, clock.instant()));
        }
        return level();
    }

    @CommandHandler
    public StockLevel handle(IssueStock command, Clock clock) {
        requirePositive(command.quantity(), "issued");
        int held = reservations.of(command.orderId(), command.lineNo());
        require(command.quantity() <= held, ErrorCode.RESERVATION_MISSING,
                "Line " + command.lineNo() + " of order " + command.orderId() + " has " + held + " units of " + sku
                        + " reserved in " + warehouseId + "; " + command.quantity() + " cannot be shipped.");
        apply(new StockIssued(stockItemId, sku, warehouseId, command.orderId(), command.lineNo(),
                command.shipmentId(), command.quantity(), cost.money(), onHand - command.quantity(),
                reserved() - command.quantity(), command.issuedAt() != null ? command.issuedAt() : clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(AdjustStock command, Clock clock) {
        require(command.quantityDelta() != 0, ErrorCode.VALIDATION_FAILED, "An adjustment must change the quantity.");
        require(command.reason() != null, ErrorCode.VALIDATION_FAILED, "An adjustment needs a reason code.");
        int newOnHand = onHand + command.quantityDelta();
        require(level().keepsCommitmentsCovered(newOnHand), ErrorCode.ADJUSTMENT_BELOW_RESERVED,
                "Adjusting " + sku + " in " + warehouseId + " by " + command.quantityDelta() + " would leave "
                        + newOnHand + " on hand for " + reserved() + " reserved and " + held.total()
                        + " held units; release, ship or write those off first.");
        apply(new StockAdjusted(stockItemId, sku, warehouseId, command.quantityDelta(), command.reason(),
                command.note(), cost.money(), newOnHand, reserved(), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReturnToStock command, Clock clock) {
        requirePositive(command.quantity(), "returned");
        require(command.disposition() != null, ErrorCode.VALIDATION_FAILED, "A returned unit needs a disposition.");
        int returnedOnHand = command.disposition() == ReturnDisposition.WRITE_OFF ? 0 : command.quantity();
        HeldStock after = held.plusReturned(command.disposition(), command.quantity());
        apply(new StockReturned(stockItemId, sku, warehouseId, command.orderId(), command.returnId(),
                command.lineNo(), command.quantity(), command.disposition(), cost.money(), onHand + returnedOnHand,
                reserved(), after.quarantine(), after.refurbishment(), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(ReleaseHeldStock command, Clock clock) {
        requirePositive(command.quantity(), "released");
        HeldStock after = held.take(command.hold(), command.quantity(), sku, warehouseId);
        apply(new StockReleasedFromHold(stockItemId, sku, warehouseId, command.hold(), command.quantity(),
                command.note(), onHand, reserved(), after.quarantine(), after.refurbishment(), clock.instant()));
        return level();
    }

    @CommandHandler
    public StockLevel handle(WriteOffHeldStock command, Clock clock) {
        requirePositive(command.quantity(), "written off");
        HeldStock after = held.take(command.hold(), command.quantity(), sku, warehouseId);
        apply(new HeldStockWrittenOff(stockItemId, sku, warehouseId, command.hold(), command.quantity(),
                command.note(), cost.money(), onHand - command.quantity(), reserved(), after.quarantine(),
                after.refurbishment(), clock.instant()));
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
                command.quantity(), cost.money(), onHand - command.quantity(), reserved(), clock.instant()));
        return level();
    }

    @CommandHandler
    public CountResult handle(RecordStockCount command, CountTolerance tolerance, Clock clock) {
        return counts.record(command, level(), this::level, tolerance, clock);
    }

    @CommandHandler
    public CountResult handle(ApproveStockCount command, Clock clock) {
        return counts.approve(command, level(), this::level, clock);
    }

    @CommandHandler
    public CountResult handle(RejectStockCount command, Clock clock) {
        return counts.reject(command, level(), clock);
    }

    /** Units that may still be promised to orders ({@link StockPosition#available()}). */
    public int available() {
        return new StockPosition(onHand, reserved(), held.quarantine(), held.refurbishment()).available();
    }

    private int reserved() {
        return reservations.reserved();
    }

    public StockLevel level() {
        return new StockLevel(stockItemId, warehouseId, sku, onHand, reserved(), held.quarantine(),
                held.refurbishment(), available(), cost.amount(), cost.currency());
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        stockItemId = event.stockItemId();
        sku = event.sku();
        warehouseId = event.warehouseId();
        onHand = event.onHandAfter();
        cost = new MovingAverageCost(event.averageCostAfter().amount(), event.averageCostAfter().currency());
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reservations.added(event.orderId(), event.lineNo(), event.quantity(), event.reservedAfter());
    }

    @EventSourcingHandler
    void on(StockReservationReleased event) {
        reservations.released(event.orderId(), event.lineNo(), event.reservedAfter());
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        onHand = event.onHandAfter();
        reservations.issued(event.orderId(), event.lineNo(), event.quantity(), event.reservedAfter());
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

    private void applyHeld(int onHandAfter, HeldQuantities quantities) {
        onHand = onHandAfter;
        held = HeldStock.of(quantities);
    }

    private static void requirePositive(int quantity, String what) {
        require(quantity > 0, ErrorCode.VALIDATION_FAILED, "The quantity " + what + " must be positive.");
    }
}
