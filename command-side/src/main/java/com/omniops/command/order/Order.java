package com.omniops.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.order.cancel.RecordOrderCancellation;
import com.omniops.command.order.fulfilment.Fulfilment;
import com.omniops.command.order.fulfilment.OrderFulfilment;
import com.omniops.command.order.money.OrderMoney;
import com.omniops.command.order.pay.OrderBalance;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.command.order.refund.RefundTerms;
import com.omniops.command.order.returns.OrderReturns;
import com.omniops.command.order.returns.RequestReturn;
import com.omniops.command.order.returns.ReturnResult;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer order from one channel. It is born with its stock already reserved (see place/OrderPlacement) and
 * guards what may still happen to it. The root holds what the order was placed with and decides placement and
 * cancellation (only before anything shipped); each concern is a member holding its own state and rules:
 * {@link OrderFulfilment} (reservations, backorders, pick and pack, shipments, delivery), {@link OrderMoney}
 * (payments, fees, refund earmarks: captured − refunded − earmarked ≥ 0) and {@link OrderReturns} (RMAs). A member
 * takes the commands it can decide alone; a command that needs another member's facts is taken here and passed on.
 * <p>
 * Commands named {@code Record…} are internal: the orchestrating command handler of a slice sends them to the
 * aggregate, in the same unit of work as its commands to other aggregates (place/OrderPlacement sends
 * {@link RecordOrderPlacement} once the stock is reserved, refund/request sends {@code RecordRefundEarmark} before
 * it creates the Refund). No REST endpoint sends one. The commands the endpoints send name the business action
 * ({@code PlaceOrder}, {@code ShipOrder}, {@code CapturePayment}, {@code ChargeFee}).
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    /** The ship-by deadline: set at placement for the end of the promised ship date, UTC. */
    public static final String SHIP_BY_DEADLINE = "ship-by";

    @AggregateIdentifier
    private String orderId;
    private String channelId;
    private String channelOrderRef;
    private OrderLines lines;
    private boolean overdue;
    @AggregateMember
    private OrderFulfilment fulfilment = new OrderFulfilment();
    @AggregateMember
    private OrderMoney money = new OrderMoney();
    @AggregateMember
    private OrderReturns returns = new OrderReturns();

    protected Order() {
    }

    @CommandHandler
    public Order(RecordOrderPlacement command, Clock clock, DeadlineManager deadlines) {
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "An order needs at least one line.");
        Map<Integer, Integer> covered = new HashMap<>();
        command.allocations().forEach(a -> covered.merge(a.lineNo(), a.quantity(), Integer::sum));
        command.backorders().forEach(b -> covered.merge(b.lineNo(), b.quantity(), Integer::sum));
        for (OrderLine line : command.lines()) {
            require(line.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must order a positive quantity.");
            require(covered.getOrDefault(line.lineNo(), 0) == line.quantity(), ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must be exactly covered by reservations and backorders.");
            requireTaxContainedInGrossPrice(line, command.pricesIncludeTax());
        }
        apply(new OrderPlaced(command.orderId(), command.channelId(), command.channelOrderRef(),
                command.customerId(), command.currency(), command.pricesIncludeTax(), command.lines(),
                command.shippingCharge(), command.promisedShipDate(), command.allocations(), command.backorders(),
                clock.instant()));
        deadlines.schedule(shipByDeadline(command.promisedShipDate()), SHIP_BY_DEADLINE,
                new ShipByDeadline(command.promisedShipDate()));
    }

    /** When an order promised to ship on {@code promisedShipDate} is late if it has not shipped: the next day, UTC. */
    public static Instant shipByDeadline(LocalDate promisedShipDate) {
        return promisedShipDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The promised ship date has ended (a durable timer, so this runs once the instant has passed even across
     * restarts; a shipment does not cancel it, this check makes it a no-op instead). Overdue when units are still
     * unshipped and the order is not cancelled; at most once per order.
     */
    @DeadlineHandler(deadlineName = SHIP_BY_DEADLINE)
    void on(ShipByDeadline deadline, Clock clock) {
        Fulfilment now = fulfilment.view();
        if (overdue || fulfilment.cancelled() || now.complete()) {
            return;
        }
        apply(new OrderShipmentOverdue(orderId, channelId, channelOrderRef, now.promisedShipDate(),
                now.unitsOrdered(), now.unitsShipped(), clock.instant()));
    }

    /** Returns the reservations to release: everything allocated, since nothing has shipped. */
    @CommandHandler
    public List<LineAllocation> handle(RecordOrderCancellation command, Clock clock) {
        require(!fulfilment.cancelled(), ErrorCode.ORDER_ALREADY_CANCELLED,
                "Order " + orderId + " is already cancelled.");
        require(fulfilment.unitsShipped() == 0, ErrorCode.ORDER_ALREADY_SHIPPED,
                "Order " + orderId + " has shipped units and can no longer be cancelled.");
        List<LineAllocation> released = fulfilment.reservations();
        apply(new OrderCancelled(orderId, command.reason(), released, clock.instant()));
        return released;
    }

    /** Returns need what was delivered (fulfilment) and the lines. */
    @CommandHandler
    public ReturnResult handle(RequestReturn command, Clock clock) {
        return returns.request(command, lines, fulfilment.deliveredPerLine(), clock);
    }

    /** A refund's amount may come from the lines or a return; the money decides whether it may be set aside. */
    @CommandHandler
    public RefundTerms handle(RecordRefundEarmark command, Clock clock) {
        return money.earmark(command, lines, returns, clock);
    }

    // ---- Views for the slices' orchestrators -----------------------------------------------------------------------

    public OrderStatus status() {
        return fulfilment.status();
    }

    public PlacementResult placementResult() {
        return new PlacementResult(orderId, status(), fulfilment.reservations(), fulfilment.backorders(), true);
    }

    public Fulfilment fulfilment() {
        return fulfilment.view();
    }

    public Instant shippedAt(String shipmentId) {
        return fulfilment.shippedAt(shipmentId);
    }

    public OrderBalance balance() {
        return money.balance();
    }

    /** captured − refunded − earmarked: what new refunds may still take. */
    public BigDecimal refundable() {
        return money.refundable();
    }

    // ---- Event sourcing: the members follow the same events for their own state ------------------------------------

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        channelId = event.channelId();
        channelOrderRef = event.channelOrderRef();
        lines = OrderLines.of(event);
    }

    @EventSourcingHandler
    void on(OrderShipmentOverdue event) {
        overdue = true;
    }

    /**
     * On a gross channel the line's tax is contained in its price, so it cannot exceed it (the net would be
     * negative); on a net channel the tax is added and any amount is consistent.
     */
    private static void requireTaxContainedInGrossPrice(OrderLine line, boolean pricesIncludeTax) {
        OrderAmounts.Line value = OrderAmounts.line(line, true);
        require(!pricesIncludeTax || value.net().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                "Line " + line.lineNo() + " has tax " + value.tax().toPlainString()
                        + " but its price, which includes tax on this channel, is only "
                        + value.gross().toPlainString() + ".");
    }
}
