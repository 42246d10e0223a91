package com.omniops.command.order.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.order.OrderLines;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.OrderBalance;
import com.omniops.command.order.pay.ChargeFee;
import com.omniops.command.order.refund.RecordEarmarkApproval;
import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.command.order.refund.RefundTerms;
import com.omniops.command.order.refund.RecordEarmarkRelease;
import com.omniops.command.order.refund.RecordRefundSettlement;
import com.omniops.command.order.returns.OrderReturns;
import com.omniops.command.order.returns.ReturnStatus;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.events.Money;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static com.omniops.command.rule.Inputs.amount;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The order's money, a member of Order: payments captured (never above the order total), fees, and refunds. A refund
 * earmarks its amount first, so that refunds together never exceed what was captured:
 * captured − refunded − earmarked ≥ 0.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderMoney {

    private String orderId;
    private String currency;
    private BigDecimal orderTotal = BigDecimal.ZERO;
    private boolean cancelled;
    private BigDecimal captured = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    /** "provider/reference" of every captured payment */
    private Set<String> paymentReferences = new HashSet<>();
    /** refundId → money set aside for a refund not yet paid out or released */
    private Map<String, Earmark> earmarks = new LinkedHashMap<>();
    private BigDecimal refunded = BigDecimal.ZERO;

    @CommandHandler
    public OrderBalance handle(CapturePayment command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_ALREADY_CANCELLED,
                "Order " + orderId + " is cancelled; a payment cannot be captured for it.");
        requireOrderMoney(command.amount(), "payment");
        require(!paymentReferences.contains(paymentKey(command.provider(), command.reference())),
                ErrorCode.PAYMENT_ALREADY_RECORDED,
                "Payment " + command.reference() + " of " + command.provider() + " is already recorded on order "
                        + orderId + ".");
        BigDecimal after = captured.add(command.amount().amount());
        require(after.compareTo(orderTotal) <= 0, ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL,
                "Order " + orderId + " totals " + orderTotal.toPlainString() + " " + currency + " and has "
                        + captured.toPlainString() + " captured; another " + command.amount().amount().toPlainString()
                        + " would exceed it.");
        apply(new PaymentCaptured(orderId, command.paymentId(), command.amount(), command.provider(),
                command.reference(), clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(ChargeFee command, Clock clock) {
        requireOrderMoney(command.amount(), "fee");
        require(command.type() != null, ErrorCode.VALIDATION_FAILED, "A fee needs a type.");
        apply(new OrderFeeRecorded(orderId, command.feeId(), command.type(), command.amount(), command.description(),
                clock.instant()));
        return balance();
    }

    /**
     * Taken by the root, which passes in the order's lines (to value refunded units at what was paid for them) and
     * its returns (a refund of source RETURN refunds a received return, once).
     */
    public RefundTerms earmark(RecordRefundEarmark command, OrderLines lines, OrderReturns returns, Clock clock) {
        require(captured.signum() > 0, ErrorCode.ORDER_NOT_PAID,
                "Order " + orderId + " has no captured payment; there is nothing to refund.");
        require(command.source() != null, ErrorCode.VALIDATION_FAILED, "A refund needs a source.");
        require(!earmarks.containsKey(command.refundId()), ErrorCode.VALIDATION_FAILED,
                "Refund " + command.refundId() + " is already earmarked on order " + orderId + ".");
        OrderReturns.Rma rma = null;
        if (command.source() == RefundSource.RETURN) {
            require(command.returnId() != null, ErrorCode.VALIDATION_FAILED,
                    "A refund for a return must name the return.");
            rma = returns.rma(command.returnId());
            require(rma.status() != ReturnStatus.REQUESTED, ErrorCode.RETURN_NOT_RECEIVED,
                    "Return " + command.returnId() + " has not been received yet; refund it once it arrived.");
            String returnId = command.returnId();
            require(earmarks.values().stream().noneMatch(e -> returnId.equals(e.returnId())),
                    ErrorCode.RETURN_ALREADY_REFUNDED,
                    "Return " + returnId + " already has a refund; reject that one first to request another.");
        } else {
            require(command.returnId() == null, ErrorCode.VALIDATION_FAILED,
                    "Only a refund with source RETURN may name a return.");
        }
        List<RefundLine> refundLines = new ArrayList<>();
        if (!command.lines().isEmpty()) {
            for (RecordRefundEarmark.Line line : command.lines()) {
                OrderLine ordered = lines.line(line.lineNo());
                require(line.quantity() > 0 && line.quantity() <= ordered.quantity(), ErrorCode.VALIDATION_FAILED,
                        "Line " + line.lineNo() + " can refund 1 to " + ordered.quantity() + " units.");
                refundLines.add(new RefundLine(line.lineNo(), ordered.sku(), line.quantity(),
                        lines.unitsValue(ordered, line.quantity())));
            }
        } else if (rma != null) {
            for (ReturnLine line : rma.lines()) {
                refundLines.add(new RefundLine(line.lineNo(), line.sku(), line.quantity(),
                        lines.unitsValue(lines.line(line.lineNo()), line.quantity())));
            }
        }
        BigDecimal amount = refundAmount(command, refundLines);
        BigDecimal refundable = refundable();
        require(amount.compareTo(refundable) <= 0, ErrorCode.REFUND_EXCEEDS_REFUNDABLE,
                "Order " + orderId + " can refund at most " + refundable.toPlainString() + " " + currency
                        + " (captured " + captured.toPlainString() + ", refunded " + refunded.toPlainString()
                        + ", earmarked " + earmarked().toPlainString() + "); " + amount.toPlainString()
                        + " was requested.");
        Money money = new Money(amount, currency);
        apply(new OrderRefundEarmarked(orderId, command.refundId(), money, command.source(), command.returnId(),
                clock.instant()));
        return new RefundTerms(money, refundLines, rma != null && rma.status() == ReturnStatus.INSPECTED);
    }

    @CommandHandler
    public OrderBalance handle(RecordEarmarkApproval command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        require(!earmark.approved(), ErrorCode.REFUND_NOT_PENDING,
                "Refund " + command.refundId() + " is already approved.");
        apply(new OrderRefundApproved(orderId, command.refundId(), new Money(earmark.amount(), currency),
                clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(RecordEarmarkRelease command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        apply(new OrderRefundReleased(orderId, command.refundId(), new Money(earmark.amount(), currency),
                command.reason(), clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(RecordRefundSettlement command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        require(earmark.approved(), ErrorCode.REFUND_NOT_APPROVED,
                "Refund " + command.refundId() + " is not approved and cannot be paid out.");
        apply(new OrderRefunded(orderId, command.refundId(), new Money(earmark.amount(), currency),
                command.paymentReference(), clock.instant()));
        return balance();
    }

    public OrderBalance balance() {
        return new OrderBalance(orderId, currency, orderTotal, captured, fees, earmarked(), refunded, refundable());
    }

    /** captured − refunded − earmarked: what new refunds may still take. */
    public BigDecimal refundable() {
        return captured.subtract(refunded).subtract(earmarked());
    }

    private BigDecimal earmarked() {
        return earmarks.values().stream().map(Earmark::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The amount asked for (at most the value of its lines), or else the value of the lines. */
    private BigDecimal refundAmount(RecordRefundEarmark command, List<RefundLine> refundLines) {
        BigDecimal linesValue = refundLines.stream().map(RefundLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount;
        if (command.amount() != null) {
            require(command.currency() == null || command.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                    "Order " + orderId + " is in " + currency + "; a refund in " + command.currency()
                            + " cannot be earmarked on it.");
            amount = command.amount();
            Inputs.requireMoney(currency, amount("amount", amount));
            require(refundLines.isEmpty() || amount.compareTo(linesValue) <= 0, ErrorCode.VALIDATION_FAILED,
                    "The refund amount " + amount.toPlainString() + " exceeds the value of its lines ("
                            + linesValue.toPlainString() + ").");
        } else {
            require(!refundLines.isEmpty(), ErrorCode.VALIDATION_FAILED, "A refund needs an amount or lines.");
            amount = linesValue;
        }
        require(amount.signum() > 0, ErrorCode.VALIDATION_FAILED, "A refund amount must be positive.");
        return amount;
    }

    private void requireOrderMoney(Money amount, String what) {
        require(amount != null && amount.amount().signum() > 0, ErrorCode.VALIDATION_FAILED,
                "A " + what + " amount must be positive.");
        require(amount.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                "Order " + orderId + " is in " + currency + "; a " + what + " in " + amount.currency()
                        + " cannot be recorded on it.");
        Inputs.requireMoney(currency, amount("amount", amount.amount()));
    }

    private Earmark requireEarmark(String refundId) {
        Earmark earmark = earmarks.get(refundId);
        require(earmark != null, ErrorCode.REFUND_NOT_PENDING,
                "Refund " + refundId + " holds no earmark on order " + orderId + " (already paid out or released).");
        return earmark;
    }

    private static String paymentKey(String provider, String reference) {
        return provider + "/" + reference;
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        currency = event.currency();
        orderTotal = OrderAmounts.of(event).gross();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        captured = captured.add(event.amount().amount());
        paymentReferences.add(paymentKey(event.provider(), event.reference()));
    }

    @EventSourcingHandler
    void on(OrderFeeRecorded event) {
        fees = fees.add(event.amount().amount());
    }

    @EventSourcingHandler
    void on(OrderRefundEarmarked event) {
        earmarks.put(event.refundId(), new Earmark(event.amount().amount(), event.returnId(), false));
    }

    @EventSourcingHandler
    void on(OrderRefundApproved event) {
        earmarks.computeIfPresent(event.refundId(), (id, e) -> new Earmark(e.amount(), e.returnId(), true));
    }

    @EventSourcingHandler
    void on(OrderRefundReleased event) {
        earmarks.remove(event.refundId());
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        Earmark earmark = earmarks.remove(event.refundId());
        refunded = refunded.add(earmark != null ? earmark.amount() : event.amount().amount());
    }

    record Earmark(BigDecimal amount, String returnId, boolean approved) {
    }
}
