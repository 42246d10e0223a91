package com.omniops.command.channel.change;

import com.omniops.command.channel.ChannelSettings;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

import static com.omniops.support.security.Role.ADMIN;

/**
 * A registered channel's fulfilment rules change: a warehouse added for peak or the priorities reordered, another
 * allocation strategy, backorders allowed or not, another safety buffer. Recorded as an event (who changed it is in
 * its metadata), effective for orders placed after it.
 */
@AllowedRoles(ADMIN)
@RestController
@RequestMapping("/api/channels")
@Tag(name = "Channels")
public class ChannelSettingsController {

    private final CommandGateway commands;

    public ChannelSettingsController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "ChannelSettingsRequest", description = "The settings to change; an omitted one keeps its value")
    public record SettingsRequest(
            @Schema(description = "Warehouses that feed the channel, in priority order, each once (1 to 20); the "
                    + "whole list replaces the current one",
                    example = "[\"3PL-EAST\", \"WH-NORTH\", \"WH-SOUTH\"]")
            @Size(min = 1, max = 20)
            List<@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String> warehouseIds,
            @Schema(description = "How an order is split over the warehouses", example = "MOST_STOCK")
            AllocationStrategy allocationStrategy,
            @Schema(description = "Whether orders may wait for stock that is not available", example = "true")
            Boolean backordersAllowed,
            @Schema(description = "Units per SKU held back from the channel's availability, 0 to 1000000",
                    example = "5")
            @PositiveOrZero @Max(1_000_000) Integer safetyBuffer,
            @Schema(description = "Why, for the audit trail (up to 500 characters)",
                    example = "Peak season: the 3PL ships first")
            @Size(max = 500) String reason) {
    }

    @Schema(name = "ChannelSettingsResponse")
    public record SettingsResponse(String channelId, List<String> warehouseIds, AllocationStrategy allocationStrategy,
                                   boolean backordersAllowed, int safetyBuffer, boolean changed) {
    }

    @PostMapping("/{channelId}/settings")
    @Operation(summary = "Change a channel's warehouses (the whole priority list), allocation strategy, backorder "
            + "policy or safety buffer; omitted settings keep their value. Effective for orders placed after the "
            + "change, recorded in the audit trail with your name and reason. Answers the settings as they now "
            + "stand; changed=false when they already were so (nothing recorded). 404 CHANNEL_NOT_FOUND, "
            + "400 VALIDATION_FAILED when no setting is given")
    public SettingsResponse change(@PathVariable String channelId, @Valid @RequestBody SettingsRequest request) {
        if (request.warehouseIds() == null && request.allocationStrategy() == null
                && request.backordersAllowed() == null && request.safetyBuffer() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Give at least one setting to change: "
                    + "warehouseIds, allocationStrategy, backordersAllowed or safetyBuffer.", Map.of("field", "body"));
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        ChannelSettings settings;
        try {
            settings = commands.sendAndWait(new ChangeChannelSettings(channelId, request.warehouseIds(),
                    request.allocationStrategy(), request.backordersAllowed(), request.safetyBuffer(), reason));
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_NOT_FOUND, "There is no channel " + channelId + ".");
        }
        return new SettingsResponse(settings.channelId(), settings.warehouseIds(), settings.allocationStrategy(),
                settings.backordersAllowed(), settings.safetyBuffer(), settings.changed());
    }
}
