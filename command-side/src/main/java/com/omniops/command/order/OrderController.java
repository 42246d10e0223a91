package com.omniops.command.order;

import static com.omniops.command.rule.Inputs.amount;

import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.order.cancel.CancelOrder;
import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.deliver.DeliveryResult;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.OrderBalance;
import com.omniops.command.order.pay.RecordFee;
import com.omniops.command.order.refund.EarmarkRefund;
import com.omniops.command.order.returns.InspectReturn;
import com.omniops.command.order.returns.InspectionResult;
import com.omniops.command.order.returns.ReceiveReturn;
import com.omniops.command.order.returns.RequestReturn;
import com.omniops.command.order.returns.ReturnResult;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RequestRefund;
import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.refund.RefundSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.command.order.pick.PackOrder;
import com.omniops.command.order.pick.PickOrder;
import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.order.ship.ShipmentResult;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.support.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class OrderController {

    private final CommandGateway commands;
    private final OrderReferences references;
    private final Clock clock;

    public OrderController(CommandGateway commands, OrderReferences references, Clock clock) {
        this.commands = commands;
        this.references = references;
        this.clock = clock;
    }

    public record PlaceRequest(
            @Schema(description = "Registered sales channel the order came from", example = "WEB")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @Schema(description = "The channel's own order number; placing the same reference again answers the "
                    + "existing order",
                    example = "WEB-100231")
            @NotBlank @Size(max = 128) String channelOrderRef,
            @Schema(description = "The channel's id of the customer", example = "CUST-1042")
            @NotBlank @Size(max = 128) String customerId,
            @Schema(description = "ISO 4217 currency of every amount of the order; must be the channel's currency",
                    example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Order lines (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid LineRequest> lines,
            @Schema(description = "What the customer pays for shipping, in the order currency (no tax on it); 0 "
                    + "when omitted",
                    example = "4.90")
            @DecimalMin("0") @MoneyAmount BigDecimal shippingCharge,
            @Schema(description = "ISO 8601 date the order was promised to ship by; tomorrow (UTC) when omitted",
                    example = "2026-03-04")
            LocalDate promisedShipDate) {
    }

    /** Exactly one of {@code sku} (ours) and {@code channelSku} (the channel's own SKU of its listing). */
    public record LineRequest(
            @Schema(description = "Our SKU; give either sku or channelSku", example = "HG-0001")
            @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "The channel's own SKU of one of its listings; give either sku or channelSku")
            @Size(min = 1, max = 64) String channelSku,
            @Schema(description = "Units ordered, a whole number from 1 to 100000", example = "2")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Price of one unit in the order currency, gross or net of tax as the channel's "
                    + "prices are",
                    example = "24.90")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal unitPrice,
            @Schema(description = "Discount on the whole line in the order currency, at most the line value; 0 when "
                    + "omitted",
                    example = "2.00")
            @DecimalMin("0") @MoneyAmount BigDecimal discount,
            @Schema(description = "Tax of the whole line in the order currency: contained in the price on a channel "
                    + "whose prices include tax, added to it on a net channel; 0 when omitted",
                    example = "7.97")
            @DecimalMin("0") @MoneyAmount BigDecimal taxAmount) {
    }

    public record CancelRequest(
            @Schema(description = "Why the order is cancelled (up to 500 characters)",
                    example = "Customer cancelled before shipping")
            @NotBlank @Size(max = 500) String reason) {
    }

    public record ShipRequest(
            @Schema(description = "Warehouse the units leave from", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Lines and units to ship; everything reserved in the warehouse when empty or omitted")
            @Size(max = 200) List<@NotNull @Valid ShipLineRequest> lines,
            @Schema(description = "Carrier that takes the parcels", example = "DHL")
            @Size(max = 64) String carrier,
            @Schema(description = "Carrier's tracking number", example = "00340434161094042557")
            @Size(max = 128) String trackingNumber,
            @Schema(description = "The carrier's charge in the order currency; none when omitted", example = "5.40")
            @DecimalMin("0") @MoneyAmount BigDecimal shippingCost,
            @Schema(description = "ISO 8601 instant the shipment left, not in the future; now when omitted",
                    example = "2026-03-03T15:20:00Z")
            Instant shippedAt) {
    }

    public record ShipLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line to ship, a whole number", example = "2")
            @NotNull @Positive Integer quantity) {
    }

    public record DeliveryRequest(
            @Schema(description = "Shipment that was delivered; every undelivered shipment when omitted")
            @Size(max = 64) String shipmentId,
            @Schema(description = "ISO 8601 instant of delivery, not in the future; now when omitted",
                    example = "2026-03-05T11:00:00Z")
            Instant deliveredAt) {
    }

    public record PaymentRequest(
            @Schema(description = "Captured amount, more than 0, in the order currency", example = "52.70")
            @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency code of the amounts", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Payment provider that captured the money", example = "ADYEN")
            @NotBlank @Size(max = 64) String provider,
            @Schema(description = "The provider's reference of the capture", example = "PSP-8835120047")
            @NotBlank @Size(max = 128) String reference) {
    }

    public record FeeRequest(
            @Schema(description = "Kind of fee", example = "PAYMENT_PROCESSING")
            @NotNull FeeType type,
            @Schema(description = "Fee amount, more than 0", example = "0.99")
            @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency code of the amounts", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "What the fee is for (up to 500 characters)", example = "card fee 1.4% + 0.25")
            @Size(max = 500) String description) {
    }

    public record ReturnRequest(
            @Schema(description = "Lines returned (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ReturnLineRequest> lines) {
    }

    public record ReturnLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units returned, a whole number, at most delivered minus already returned",
                    example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Why the customer returns them", example = "SIZE_OR_FIT")
            @NotNull ReturnReason reason,
            @Schema(description = "Free text about the return (up to 500 characters)",
                    example = "Too small, customer wants the next size")
            @Size(max = 500) String note) {
    }

    public record ReturnReceiptRequest(
            @Schema(description = "Warehouse the returned units arrived at; it must carry the returned SKUs",
                    example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId) {
    }

    public record InspectionRequest(
            @Schema(description = "Inspection results; a returned line may be split over several entries")
            @NotEmpty @Size(max = 400) List<@NotNull @Valid InspectionLineRequest> lines) {
    }

    public record InspectionLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line with this result, a whole number", example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Condition the units were found in", example = "AS_NEW")
            @NotNull ItemCondition condition,
            @Schema(description = "Where the units go: RESALE to available stock, QUARANTINE or REFURBISH held "
                    + "apart, WRITE_OFF never into stock",
                    example = "RESALE")
            @NotNull ReturnDisposition disposition) {
    }

    public record RefundRequest(
            @Schema(description = "What the refund is for; RETURN needs returnId", example = "GOODWILL")
            @NotNull RefundSource source,
            @Schema(description = "Why the money is refunded (up to 500 characters)",
                    example = "Parcel arrived three days late")
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "Amount to refund, more than 0; with lines, at most their value", example = "5.00")
            @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency of amount; required with amount", example = "EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Order lines refunded, valued at what was paid for them")
            @Size(max = 200) List<@NotNull @Valid RefundLineRequest> lines,
            @Schema(description = "The return (RMA) refunded; only with source RETURN")
            @Size(max = 64) String returnId) {
    }

    public record RefundLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line refunded, a whole number", example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity) {
    }

    @PostMapping
    @Operation(summary = "Place an order: stock is reserved at once following the channel's rules; 201 with the "
            + "allocations, or 200 with the existing order if the channel reference was already placed. The currency "
            + "must be the channel's (422 CURRENCY_MISMATCH). A line names our sku or the channel's channelSku "
            + "(exactly one). Its taxAmount is contained in the price on a channel whose prices include tax, and "
            + "added to it on a net channel; the order total = Σ line gross + shippingCharge (no tax on shipping)")
    public ResponseEntity<PlacementResult> place(@Valid @RequestBody PlaceRequest request) {
        requireChannelAccess(request.channelId());
        BigDecimal shipping = zeroIfNull(request.shippingCharge());
        Inputs.requireMoney(request.currency(), amount("shippingCharge", shipping));
        List<PlaceOrder.Line> lines = new ArrayList<>();
        BigDecimal total = shipping;
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest l = request.lines().get(i);
            if ((l.sku() == null) == (l.channelSku() == null)) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Line " + (i + 1) + " must name "
                        + "exactly one of sku (ours) and channelSku (the channel's listing).",
                        Map.of("field", "lines[" + i + "]"));
            }
            Inputs.requireMoney(request.currency(), amount("lines[" + i + "].unitPrice", l.unitPrice()),
                    amount("lines[" + i + "].discount", l.discount()),
                    amount("lines[" + i + "].taxAmount", l.taxAmount()));
            BigDecimal lineValue = l.unitPrice().multiply(BigDecimal.valueOf(l.quantity()));
            Inputs.requireComputedAmount(lineValue, "lines[" + i + "].unitPrice",
                    "the line value (quantity × unit price)");
            BusinessRuleViolation.require(zeroIfNull(l.discount()).compareTo(lineValue) <= 0,
                    ErrorCode.VALIDATION_FAILED, "A line discount cannot exceed the line's price.");
            // An upper bound of the order total whether the channel's prices are gross or net (a gross line contains
            // its tax); the total itself is OrderAmounts' to compute, once the channel is known.
            total = total.add(lineValue).subtract(zeroIfNull(l.discount())).add(zeroIfNull(l.taxAmount()));
            lines.add(new PlaceOrder.Line(l.sku(), l.channelSku() == null ? null : l.channelSku().strip(),
                    l.quantity(), l.unitPrice(), zeroIfNull(l.discount()), zeroIfNull(l.taxAmount())));
        }
        Inputs.requireComputedAmount(total, "lines",
                "the order total (line values − discounts + tax, plus the shipping charge)");
        LocalDate promised = request.promisedShipDate() != null ? request.promisedShipDate()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        PlaceOrder command = new PlaceOrder(UUID.randomUUID().toString(), request.channelId(),
                request.channelOrderRef().strip(), request.customerId().strip(), request.currency(), lines, shipping,
                promised);
        PlacementResult result = commands.sendAndWait(command);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that has not shipped; its reservations are released and, when money was "
            + "captured, a CANCELLATION refund of the refundable balance is requested (awaiting approval)")
    public CancellationResult cancel(@PathVariable String orderId, @Valid @RequestBody CancelRequest request) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
        return commands.sendAndWait(new CancelOrder(orderId, request.reason().strip(), UUID.randomUUID().toString()));
    }

    @PostMapping("/{orderId}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ship from one warehouse: the given lines, or everything reserved there when lines is "
            + "empty; issues the stock. Picking and packing are part of the shipment. shippingCost is the carrier's "
            + "charge in the order currency. The answer says whether the order shipped complete, in how many "
            + "shipments and on time against its promised ship date")
    public ShipmentResult ship(@PathVariable String orderId, @Valid @RequestBody ShipRequest request) {
        requireOrder(orderId);
        List<ShipOrder.Line> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new ShipOrder.Line(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new ShipOrder(orderId, UUID.randomUUID().toString(), request.warehouseId(),
                lines, request.carrier(), request.trackingNumber(), request.shippingCost(), request.shippedAt()));
    }

    public record PickRequest(
            @Schema(description = "Warehouse whose reserved units were picked", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId) {
    }

    public record PackRequest(
            @Schema(description = "Warehouse whose picked units were packed", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Number of parcels, 1 to 1000; 1 when omitted", example = "1")
            @Positive @Max(1000) Integer parcels) {
    }

    public record StageResponse(String orderId, String warehouseId, FulfilmentStage stage) {
    }

    @PostMapping("/{orderId}/picks")
    @Operation(summary = "Record that everything reserved for the order in a warehouse was picked (optional step "
            + "before packing and shipping; repeating it changes nothing)")
    public StageResponse pick(@PathVariable String orderId, @Valid @RequestBody PickRequest request) {
        requireOrder(orderId);
        String picker = Actor.current().map(Actor::name).orElse("unknown");
        FulfilmentStage stage = commands.sendAndWait(new PickOrder(orderId, request.warehouseId(), picker));
        return new StageResponse(orderId, request.warehouseId(), stage);
    }

    @PostMapping("/{orderId}/packs")
    @Operation(summary = "Record that the picked units of a warehouse were packed into parcels (after picking)")
    public StageResponse pack(@PathVariable String orderId, @Valid @RequestBody PackRequest request) {
        requireOrder(orderId);
        FulfilmentStage stage = commands.sendAndWait(new PackOrder(orderId, request.warehouseId(),
                request.parcels() == null ? 1 : request.parcels()));
        return new StageResponse(orderId, request.warehouseId(), stage);
    }

    @PostMapping("/{orderId}/delivery")
    @Operation(summary = "Confirm delivery of one shipment, or of all undelivered shipments when shipmentId is "
            + "omitted")
    public DeliveryResult deliver(@PathVariable String orderId, @Valid @RequestBody DeliveryRequest request) {
        requireOrder(orderId);
        return commands.sendAndWait(new ConfirmDelivery(orderId, request.shipmentId(), request.deliveredAt()));
    }

    /** A channel integration acts only on its own channel's orders. */
    private static void requireChannelAccess(String channelId) {
        Actor.current().filter(actor -> !actor.mayAccessChannel(channelId)).ifPresent(actor -> {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_NOT_ALLOWED,
                    "User " + actor.name() + " may only act on orders of channel " + actor.channel() + ".");
        });
    }

    @PostMapping("/{orderId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment the provider captured; the order's captured total may not exceed its "
            + "total. Answers the order's balance (refundable = captured − refunded − earmarked)")
    public OrderBalance capturePayment(@PathVariable String orderId, @Valid @RequestBody PaymentRequest request) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
        Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        return commands.sendAndWait(new CapturePayment(orderId, UUID.randomUUID().toString(),
                new Money(request.amount(), request.currency()), request.provider().strip(),
                request.reference().strip()));
    }

    @PostMapping("/{orderId}/fees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a marketplace, payment or fulfilment fee charged against the order")
    public OrderBalance recordFee(@PathVariable String orderId, @Valid @RequestBody FeeRequest request) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
        Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        return commands.sendAndWait(new RecordFee(orderId, UUID.randomUUID().toString(), request.type(),
                new Money(request.amount(), request.currency()), request.description()));
    }

    @PostMapping("/{orderId}/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Authorise a return (RMA): per line a quantity (at most delivered − already returned) and a "
            + "reason code")
    public ReturnResult requestReturn(@PathVariable String orderId, @Valid @RequestBody ReturnRequest request) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
        return commands.sendAndWait(new RequestReturn(orderId, "RMA-" + UUID.randomUUID(), request.lines().stream()
                .map(l -> new RequestReturn.Line(l.lineNo(), l.quantity(), l.reason(), l.note())).toList()));
    }

    @PostMapping("/{orderId}/returns/{returnId}/receipt")
    @Operation(summary = "The returned units arrived at a warehouse (which must carry the returned SKUs); they wait "
            + "for inspection outside the stock counts")
    public ReturnResult receiveReturn(@PathVariable String orderId, @PathVariable String returnId,
                                      @Valid @RequestBody ReturnReceiptRequest request) {
        requireOrder(orderId);
        return commands.sendAndWait(new ReceiveReturn(orderId, returnId, request.warehouseId()));
    }

    @PostMapping("/{orderId}/returns/{returnId}/inspection")
    @Operation(summary = "Inspect every returned unit: condition and disposition per line (a line may be split). "
            + "RESALE goes back to available stock at its moving-average cost, QUARANTINE and REFURBISH are held "
            + "apart on hand, WRITE_OFF never enters stock and writes its value off — in the same transaction")
    public InspectionResult inspectReturn(@PathVariable String orderId, @PathVariable String returnId,
                                          @Valid @RequestBody InspectionRequest request) {
        requireOrder(orderId);
        return commands.sendAndWait(new InspectReturn(orderId, returnId, request.lines().stream()
                .map(l -> new InspectReturn.Entry(l.lineNo(), l.quantity(), l.condition(), l.disposition()))
                .toList()));
    }

    @PostMapping("/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a refund: an amount, lines (valued at what was paid for them) or, for source "
            + "RETURN, the return's units. The order earmarks the amount first and refuses anything above "
            + "captured − refunded − earmarked. A refund of an inspected return within the auto-approval limit is "
            + "approved at once; others wait for finance")
    public RefundResult requestRefund(@PathVariable String orderId, @Valid @RequestBody RefundRequest request) {
        requireOrder(orderId);
        if (request.amount() != null) {
            BusinessRuleViolation.require(request.currency() != null, ErrorCode.VALIDATION_FAILED,
                    "An amount needs its currency.");
            Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        }
        List<EarmarkRefund.Line> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new EarmarkRefund.Line(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new RequestRefund(orderId, UUID.randomUUID().toString(), request.amount(),
                request.currency(), lines, request.reason().strip(), request.source(), request.returnId()));
    }


    private void requireOrder(String orderId) {
        BusinessRuleViolation.require(references.orderExists(orderId), ErrorCode.ORDER_NOT_FOUND,
                "There is no order " + orderId + ".");
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
