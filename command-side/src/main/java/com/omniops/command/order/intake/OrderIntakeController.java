package com.omniops.command.order.intake;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.SALES;

import com.omniops.command.lookup.ChannelDirectory;
import com.omniops.command.order.OrderAccess;
import com.omniops.command.order.place.PlaceOrderController;
import com.omniops.command.order.place.PlaceOrderController.LineRequest;
import com.omniops.command.order.place.PlaceOrderController.PlaceRequest;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.command.web.ApiProblems;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order intake for a channel connector (docs/channels.md "Order intake"): up to {@value #MAX_ORDERS} orders per call
 * in a marketplace's shape, each mapped to a placement (marketplace order id → the channel's order reference, the
 * channel's SKU → ours through its listings) and placed on its own, in its own transaction, with a result per order.
 * A rejected order never stops the others. Placing is idempotent by the marketplace order id (a placed reference
 * answers the existing order), so a connector that retries a batch after a timeout places nothing twice; the batch
 * takes no {@code Idempotency-Key} (IdempotencyFilter leaves it alone: one request-wide transaction would undo the
 * orders placed before a failure).
 */
@AllowedRoles({SALES, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/channels/{channelId}/orders/batch")
@Tag(name = "Orders")
public class OrderIntakeController {

    public static final int MAX_ORDERS = 500;
    private static final Logger log = LoggerFactory.getLogger(OrderIntakeController.class);

    private final PlaceOrderController placement;
    private final CommandGateway commands;
    private final ChannelDirectory channels;
    private final Validator validator;
    private final ApiProblems problems;

    public OrderIntakeController(PlaceOrderController placement, CommandGateway commands, ChannelDirectory channels,
                                 Validator validator, ApiProblems problems) {
        this.placement = placement;
        this.commands = commands;
        this.channels = channels;
        this.validator = validator;
        this.problems = problems;
    }

    /** True for this endpoint's path, which {@code IdempotencyFilter} leaves alone. */
    public static boolean isBatch(String uri) {
        return uri != null && uri.startsWith("/api/channels/") && uri.endsWith("/orders/batch");
    }

    public record IntakeRequest(
            @Schema(description = "The marketplace's orders, 1 to 500; each is placed on its own")
            @NotNull @Size(min = 1, max = MAX_ORDERS) List<MarketplaceOrder> orders) {
    }

    /** An order as marketplaces send it. Validated one by one: a bad order is rejected alone. */
    public record MarketplaceOrder(
            @Schema(description = "The marketplace's order id; becomes the order's channel reference, so the same id "
                    + "is never placed twice", example = "114-3941689-8772232")
            @NotBlank @Size(max = 128) String marketplaceOrderId,
            @Schema(description = "The marketplace's buyer id", example = "BUYER-77")
            @NotBlank @Size(max = 128) String buyerId,
            @Schema(description = "ISO 4217 currency; must be the channel's", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Items, 1 to 200")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items,
            @Schema(description = "Shipping the buyer pays, in the order currency; 0 when omitted", example = "3.99")
            @DecimalMin("0") @MoneyAmount BigDecimal shippingPrice,
            @Schema(description = "The date the marketplace expects shipment by; tomorrow (UTC) when omitted",
                    example = "2026-03-04")
            LocalDate shipBy) {
    }

    public record Item(
            @Schema(description = "The channel's SKU of one of its listings", example = "AMZ-HG-0001")
            @NotBlank @Size(max = 64) String channelSku,
            @Schema(description = "Units, 1 to 100000", example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Price of one unit, gross or net of tax as the channel's prices are",
                    example = "24.90")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal itemPrice,
            @Schema(description = "Promotion discount on the whole item line; 0 when omitted", example = "0.00")
            @DecimalMin("0") @MoneyAmount BigDecimal discount,
            @Schema(description = "Tax of the whole item line; 0 when omitted", example = "3.98")
            @DecimalMin("0") @MoneyAmount BigDecimal tax) {
    }

    /** PLACED: a new order; ALREADY_PLACED: its marketplace id was placed before; NOT_ATTEMPTED: see below. */
    public enum Outcome { PLACED, ALREADY_PLACED, REJECTED, NOT_ATTEMPTED }

    /**
     * One order's result, in the request's order. A rejection carries the problem a single placement would have been
     * answered with ({@code problem}, with its {@code code}) and its HTTP status. {@code retriable}: sending the order
     * again may succeed (the database was away or busy, or another change won a race). NOT_ATTEMPTED: orders after
     * the database became unreachable, not tried (each would have waited for it in vain); send them again.
     */
    public record OrderResult(int index, String marketplaceOrderId, Outcome outcome, String orderId,
                              PlacementResult placement, Integer status, boolean retriable, ProblemDetail problem) {
    }

    public record IntakeResult(String channelId, int placed, int alreadyPlaced, int rejected, int notAttempted,
                               List<OrderResult> results) {
    }

    @PostMapping
    @Operation(summary = "Place a batch of a marketplace's orders (channel connectors): a result per order",
            description = "Each order is placed on its own (as POST /api/orders with channelSku lines) and answered "
                    + "PLACED, ALREADY_PLACED (its marketplaceOrderId was placed before: retries are safe) or "
                    + "REJECTED with the problem a single placement would get (e.g. UNKNOWN_CHANNEL_SKU, "
                    + "INSUFFICIENT_STOCK, VALIDATION_FAILED with the field as orders[i].items[j].quantity). A "
                    + "rejected order does not stop the others. 200 whatever the outcomes; 400 only when the batch "
                    + "itself is malformed (nothing placed). Idempotency-Key is not used here.")
    public IntakeResult intake(@PathVariable String channelId, @Valid @RequestBody IntakeRequest request) {
        OrderAccess.requireChannelAccess(channelId);
        BusinessRuleViolation.require(channels.exists(channelId), ErrorCode.UNKNOWN_CHANNEL,
                "There is no channel " + channelId + ".");
        List<OrderResult> results = new ArrayList<>();
        ProblemDetail outage = null;
        for (int i = 0; i < request.orders().size(); i++) {
            MarketplaceOrder order = request.orders().get(i);
            String id = order == null ? null : order.marketplaceOrderId();
            if (outage != null) {
                results.add(new OrderResult(i, id, Outcome.NOT_ATTEMPTED, null, null, outage.getStatus(), true,
                        outage));
                continue;
            }
            OrderResult result = place(channelId, i, order);
            results.add(result);
            if (result.problem() != null && result.status() == 503) {
                outage = result.problem();
            }
        }
        int placed = count(results, Outcome.PLACED);
        int already = count(results, Outcome.ALREADY_PLACED);
        int rejected = count(results, Outcome.REJECTED);
        int notAttempted = count(results, Outcome.NOT_ATTEMPTED);
        log.info("Order intake on channel {}: {} orders, {} placed, {} already placed, {} rejected, {} not attempted",
                channelId, results.size(), placed, already, rejected, notAttempted);
        return new IntakeResult(channelId, placed, already, rejected, notAttempted, results);
    }

    private OrderResult place(String channelId, int index, MarketplaceOrder order) {
        String id = order == null ? null : order.marketplaceOrderId();
        if (order == null) {
            return rejected(index, null, invalid(List.of(Map.of("field", "orders[" + index + "]", "message",
                    "must not be null"))));
        }
        List<Map<String, Object>> errors = validator.validate(order).stream()
                .map(v -> Map.<String, Object>of("field", "orders[" + index + "]." + path(v), "message",
                        v.getMessage()))
                .sorted(Comparator.comparing(m -> m.get("field").toString())).toList();
        if (!errors.isEmpty()) {
            return rejected(index, id, invalid(errors));
        }
        try {
            PlacementResult result = commands.sendAndWait(placement.command(placeRequest(channelId, order)));
            return new OrderResult(index, id, result.created() ? Outcome.PLACED : Outcome.ALREADY_PLACED,
                    result.orderId(), result, null, false, null);
        } catch (RuntimeException e) {
            return rejected(index, id, answer(e));
        }
    }

    private static PlaceRequest placeRequest(String channelId, MarketplaceOrder order) {
        List<LineRequest> lines = order.items().stream().map(item -> new LineRequest(null, item.channelSku(),
                item.quantity(), item.itemPrice(), item.discount(), item.tax())).toList();
        return new PlaceRequest(channelId, order.marketplaceOrderId(), order.buyerId(), order.currency(), lines,
                order.shippingPrice(), order.shipBy());
    }

    /** What a single placement would have been answered with (ApiProblems: one mapping for both). */
    private ResponseEntity<Object> answer(RuntimeException e) {
        if (e instanceof BusinessRuleViolation violation) {
            return problems.onRuleViolation(violation);
        }
        if (e instanceof ConcurrencyException concurrency) {
            return problems.onConcurrency(concurrency);
        }
        if (e instanceof CommandExecutionException remote) {
            return problems.onRemoteFailure(remote);
        }
        return problems.onUnexpected(e);
    }

    private ResponseEntity<Object> invalid(List<Map<String, Object>> errors) {
        ProblemDetail problem = ApiProblems.problem(ErrorCode.VALIDATION_FAILED, "The order has " + errors.size()
                + " invalid field(s): " + errors.get(0).get("field") + " " + errors.get(0).get("message") + ".");
        problem.setProperty("errors", errors);
        return ApiProblems.respond(problem);
    }

    private static OrderResult rejected(int index, String id, ResponseEntity<Object> answer) {
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        int status = answer.getStatusCode().value();
        boolean retriable = status == 503 || status == 409 && problem != null
                && ErrorCode.CONCURRENT_MODIFICATION.name().equals(code(problem));
        return new OrderResult(index, id, Outcome.REJECTED, null, null, status, retriable, problem);
    }

    private static String code(ProblemDetail problem) {
        return problem.getProperties() == null ? null : String.valueOf(problem.getProperties().get("code"));
    }

    /** A violation's path as the request names it, e.g. {@code items[0].quantity}. */
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.<list element>", "")
                .replaceAll("<list element>", "");
    }

    private static int count(List<OrderResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
