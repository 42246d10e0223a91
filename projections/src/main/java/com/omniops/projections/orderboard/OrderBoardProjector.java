package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_REFUND;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_RETURN;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_SHIPMENT_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_WAREHOUSE_STEP;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "order status board": one row per order with its units and status, its lines, allocations per
 * warehouse and shipments.
 * <p>
 * Idempotency: the order row's {@code last_sequence} guards the whole order. Each handler first moves it forward
 * ({@link OrderRow#claim}: an event at or below it was applied already and is ignored); the order and its child rows
 * change in the same savepoint, so they can never disagree. The handlers only route; the rows are written by
 * {@link PlacementRows}, {@link FulfilmentRows} and {@link MoneyAndReturnRows}, through {@link ProjectionWrites}: a
 * placement (the bulk of the stream) is one statement that a processor batch queues and executes with the others;
 * every later event of an order reads its row (claim, status), so it flushes the queue and runs at once.
 */
@Component
@ProcessingGroup(OrderBoardProjector.PROCESSING_GROUP)
public class OrderBoardProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "order-board";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, OrderBoardProjector::new,
            ORDER_BOARD_REFUND, ORDER_BOARD_RETURN, ORDER_BOARD_SHIPMENT_LINE, ORDER_BOARD_SHIPMENT,
            ORDER_BOARD_WAREHOUSE_STEP, ORDER_BOARD_ALLOCATION, ORDER_BOARD_LINE, ORDER_BOARD_ORDER);

    private final DSLContext dsl;
    private final ProjectionWrites writes;
    private final OrderRow order;
    private final PlacementRows placement;
    private final FulfilmentRows fulfilment;
    private final MoneyAndReturnRows money;

    public OrderBoardProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.writes = new ProjectionWrites(dsl, isolated);
        this.order = new OrderRow(dsl);
        this.placement = new PlacementRows();
        this.fulfilment = new FulfilmentRows(dsl, order);
        this.money = new MoneyAndReturnRows(dsl);
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long seq) {
        writes.apply(placement.place(event, seq)); // the new order row is its own guard
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.cancel(event));
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.ship(event, seq));
    }

    @EventHandler
    void on(BackorderAllocated event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.allocateBackorder(event, seq));
    }

    @EventHandler
    void on(OrderPicked event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.pick(event));
    }

    @EventHandler
    void on(OrderPacked event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.pack(event));
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> fulfilment.deliver(event, seq));
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.capture(event));
    }

    @EventHandler
    void on(OrderFeeRecorded event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.fee(event));
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.requestReturn(event, seq));
    }

    @EventHandler
    void on(ReturnReceived event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.receiveReturn(event, seq));
    }

    @EventHandler
    void on(ReturnInspected event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.inspectReturn(event, seq));
    }

    @EventHandler
    void on(OrderRefundEarmarked event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.earmarkRefund(event, seq));
    }

    @EventHandler
    void on(OrderRefundApproved event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.approveRefund(event, seq));
    }

    @EventHandler
    void on(OrderRefundReleased event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.releaseRefund(event, seq));
    }

    @EventHandler
    void on(OrderRefunded event, @SequenceNumber long seq) {
        ifNew(event.orderId(), seq, () -> money.issueRefund(event, seq));
    }

    /**
     * In the event's savepoint, after the writes a batch has queued so far (the order's placement among them): claims
     * the order's position for {@code seq} and, when the event is new, writes it.
     */
    private void ifNew(String orderId, long seq, Runnable write) {
        writes.now(() -> {
            if (order.claim(orderId, seq)) {
                write.run();
            }
        });
    }

    /** How this projector writes (batched per processor batch, or event by event); for operations and tests. */
    public ProjectionWrites writes() {
        return writes;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        writes.reset();
        READ_MODEL.clear(dsl);
    }

    /** Every OrderEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> APPLIED;
            case OrderCancelled e -> APPLIED;
            case OrderShipped e -> APPLIED;
            case OrderDelivered e -> APPLIED;
            case PaymentCaptured e -> APPLIED;
            case OrderFeeRecorded e -> APPLIED;
            case ReturnRequested e -> APPLIED;
            case ReturnReceived e -> APPLIED;
            case ReturnInspected e -> APPLIED;
            case OrderRefundEarmarked e -> APPLIED;
            case OrderRefundApproved e -> APPLIED;
            case OrderRefundReleased e -> APPLIED;
            case OrderRefunded e -> APPLIED;
            case BackorderAllocated e -> APPLIED;
            case OrderPicked e -> APPLIED;
            case OrderPacked e -> APPLIED;
            case OrderShipmentOverdue e -> ignored("the board shows the promise and the shipments lateness is judged "
                    + "by; overdue orders are listed by the alerts read model");
        };
    }
}
