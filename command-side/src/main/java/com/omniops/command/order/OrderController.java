package com.omniops.command.order;

import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.order.cancel.CancelOrder;
import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.order.ship.ShipmentResult;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.support.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.dao.DuplicateKeyException;
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
import java.util.List;
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
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @NotBlank @Size(max = 128) String channelOrderRef,
            @NotBlank @Size(max = 128) String customerId,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid LineRequest> lines,
            @DecimalMin("0") BigDecimal shippingCharge,
            LocalDate promisedShipDate) {
    }

    public record LineRequest(@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
                              @NotNull @Positive @Max(100_000) Integer quantity,
                              @NotNull @DecimalMin("0") BigDecimal unitPrice,
                              @DecimalMin("0") BigDecimal discount,
                              @DecimalMin("0") BigDecimal taxAmount) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record ShipRequest(@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE)
                              String warehouseId,
                              @Size(max = 200) List<@NotNull @Valid ShipLineRequest> lines,
                              @Size(max = 64) String carrier,
                              @Size(max = 128) String trackingNumber,
                              Instant shippedAt) {
    }

    public record ShipLineRequest(@NotNull @Positive Integer lineNo, @NotNull @Positive Integer quantity) {
    }

    public record DeliveryRequest(@Size(max = 64) String shipmentId, Instant deliveredAt) {
    }

    public record DeliveryResponse(String orderId, OrderStatus status) {
    }

    @PostMapping
    @Operation(summary = "Place an order: stock is reserved at once following the channel's rules; 201 with the "
            + "allocations, or 200 with the existing order if the channel reference was already placed")
    public ResponseEntity<PlacementResult> place(@Valid @RequestBody PlaceRequest request) {
        requireChannelAccess(request.channelId());
        BigDecimal shipping = zeroIfNull(request.shippingCharge());
        Inputs.requireMoney(request.currency(), shipping);
        List<PlaceOrder.Line> lines = request.lines().stream().map(l -> {
            Inputs.requireMoney(request.currency(), l.unitPrice(), l.discount(), l.taxAmount());
            BusinessRuleViolation.require(zeroIfNull(l.discount())
                            .compareTo(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity()))) <= 0,
                    ErrorCode.VALIDATION_FAILED, "A line discount cannot exceed the line's price.");
            return new PlaceOrder.Line(l.sku(), l.quantity(), l.unitPrice(), zeroIfNull(l.discount()),
                    zeroIfNull(l.taxAmount()));
        }).toList();
        LocalDate promised = request.promisedShipDate() != null ? request.promisedShipDate()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        PlaceOrder command = new PlaceOrder(UUID.randomUUID().toString(), request.channelId(),
                request.channelOrderRef().strip(), request.customerId().strip(), request.currency(), lines, shipping,
                promised);
        PlacementResult result;
        try {
            result = commands.sendAndWait(command);
        } catch (DuplicateKeyException raced) {
            // The same channel reference was placed concurrently and committed first: answer with that order.
            result = commands.sendAndWait(command);
        }
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that has not shipped; its reservations are released")
    public CancellationResult cancel(@PathVariable String orderId, @Valid @RequestBody CancelRequest request) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
        return commands.sendAndWait(new CancelOrder(orderId, request.reason().strip()));
    }

    @PostMapping("/{orderId}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ship from one warehouse: the given lines, or everything reserved there when lines is "
            + "empty; issues the stock")
    public ShipmentResult ship(@PathVariable String orderId, @Valid @RequestBody ShipRequest request) {
        requireOrder(orderId);
        List<ShipOrder.Line> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new ShipOrder.Line(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new ShipOrder(orderId, UUID.randomUUID().toString(), request.warehouseId(),
                lines, request.carrier(), request.trackingNumber(), request.shippedAt()));
    }

    @PostMapping("/{orderId}/delivery")
    @Operation(summary = "Confirm delivery of one shipment, or of all undelivered shipments when shipmentId is "
            + "omitted")
    public DeliveryResponse deliver(@PathVariable String orderId, @Valid @RequestBody DeliveryRequest request) {
        requireOrder(orderId);
        OrderStatus status = commands.sendAndWait(new ConfirmDelivery(orderId, request.shipmentId(),
                request.deliveredAt()));
        return new DeliveryResponse(orderId, status);
    }

    /** A channel integration acts only on its own channel's orders. */
    private static void requireChannelAccess(String channelId) {
        Actor.current().filter(actor -> !actor.mayAccessChannel(channelId)).ifPresent(actor -> {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_NOT_ALLOWED,
                    "User " + actor.name() + " may only act on orders of channel " + actor.channel() + ".");
        });
    }

    private void requireOrder(String orderId) {
        BusinessRuleViolation.require(references.orderExists(orderId), ErrorCode.ORDER_NOT_FOUND,
                "There is no order " + orderId + ".");
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
