package com.omniops.command.channel.register;

import com.omniops.command.rule.Inputs;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelType;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static com.omniops.support.security.Role.ADMIN;

/** A sales channel is registered with the warehouses that feed it. */
@AllowedRoles(ADMIN)
@RestController
@RequestMapping("/api/channels")
@Tag(name = "Channels")
public class RegisterChannelController {

    private final CommandGateway commands;

    public RegisterChannelController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "ChannelRegisterRequest")
    public record RegisterRequest(
            @Schema(description = "Code of the channel, unique", example = "WEB")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @Schema(description = "Display name (up to 200 characters)", example = "Own web shop")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Kind of channel", example = "WEBSITE")
            @NotNull ChannelType type,
            @Schema(description = "ISO 4217 currency; the only currency its orders may be in", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "true if the channel's prices are gross (tax included, usual for B2C), false if "
                    + "net (tax added, usual for B2B)",
                    example = "true")
            @NotNull Boolean pricesIncludeTax,
            @Schema(description = "Warehouses that feed the channel, in priority order, each once (1 to 20)",
                    example = "[\"WH-NORTH\", \"WH-SOUTH\", \"3PL-EAST\"]")
            @NotEmpty @Size(max = 20)
            List<@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String> warehouseIds,
            @Schema(description = "How an order is split over the warehouses; PRIORITY when omitted",
                    example = "PRIORITY")
            AllocationStrategy allocationStrategy,
            @Schema(description = "Whether orders may wait for stock that is not available; false when omitted",
                    example = "false")
            Boolean backordersAllowed,
            @Schema(description = "Units per SKU held back from the channel's availability, 0 to 1000000; 0 when "
                    + "omitted",
                    example = "2")
            @PositiveOrZero @Max(1_000_000) Integer safetyBuffer) {
    }

    @Schema(name = "ChannelChannelResponse")
    public record ChannelResponse(String channelId, String currency, boolean pricesIncludeTax,
                                  List<String> warehouseIds, AllocationStrategy allocationStrategy,
                                  boolean backordersAllowed, int safetyBuffer) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a sales channel with the warehouses that feed it, in priority order "
            + "(defaults: PRIORITY allocation, no backorders, safety buffer 0). currency: the only currency its "
            + "orders may be in; pricesIncludeTax: true if its prices are gross (tax included, usual for B2C), "
            + "false if net (tax added, usual for B2B)")
    public ChannelResponse register(@Valid @RequestBody RegisterRequest request) {
        RegisterChannel command = new RegisterChannel(request.channelId(), request.name().strip(), request.type(),
                request.currency(), request.pricesIncludeTax(), request.warehouseIds(),
                request.allocationStrategy() == null ? AllocationStrategy.PRIORITY : request.allocationStrategy(),
                Boolean.TRUE.equals(request.backordersAllowed()),
                request.safetyBuffer() == null ? 0 : request.safetyBuffer());
        commands.sendAndWait(command);
        return new ChannelResponse(command.channelId(), command.currency(), command.pricesIncludeTax(),
                command.warehouseIds(), command.allocationStrategy(),
                command.backordersAllowed(), command.safetyBuffer());
    }
}
