package com.omniops.command.channel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.channel.change.ChangeChannelSettings;
import com.omniops.command.channel.register.RegisterChannel;
import com.omniops.command.lookup.ChannelDirectory;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A sales channel and the rules its orders are fulfilled by. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Channel {

    @AggregateIdentifier
    private String aggregateId;
    private String channelId;
    private String currency;
    private boolean pricesIncludeTax;
    private List<String> warehouseIds;
    private AllocationStrategy allocationStrategy;
    private boolean backordersAllowed;
    private int safetyBuffer;

    protected Channel() {
    }

    @CommandHandler
    public Channel(RegisterChannel command, ChannelDirectory directory, Clock clock) {
        requireValidRules(command.warehouseIds(), command.safetyBuffer());
        Inputs.requireMoney(command.currency());
        directory.register(command.channelId());
        apply(new ChannelRegistered(command.channelId(), command.name(), command.type(), command.currency(),
                command.pricesIncludeTax(), command.warehouseIds(),
                command.allocationStrategy(), command.backordersAllowed(), command.safetyBuffer(), clock.instant()));
    }

    /**
     * Applies to orders placed after it: placement reads the channel's rules when it places. A change that leaves
     * every rule as it was records nothing.
     */
    @CommandHandler
    public ChannelSettings handle(ChangeChannelSettings command, Clock clock) {
        List<String> warehouses = command.warehouseIds() == null ? warehouseIds : command.warehouseIds();
        AllocationStrategy strategy = command.allocationStrategy() == null
                ? allocationStrategy : command.allocationStrategy();
        boolean backorders = command.backordersAllowed() == null ? backordersAllowed : command.backordersAllowed();
        int buffer = command.safetyBuffer() == null ? safetyBuffer : command.safetyBuffer();
        requireValidRules(warehouses, buffer);
        boolean changed = !warehouses.equals(warehouseIds) || strategy != allocationStrategy
                || backorders != backordersAllowed || buffer != safetyBuffer;
        if (changed) {
            apply(new ChannelSettingsChanged(channelId, warehouses, strategy, backorders, buffer, command.reason(),
                    clock.instant()));
        }
        return new ChannelSettings(channelId, warehouseIds, allocationStrategy, backordersAllowed, safetyBuffer,
                changed);
    }

    private static void requireValidRules(List<String> warehouseIds, int safetyBuffer) {
        BusinessRuleViolation.require(!warehouseIds.isEmpty(), ErrorCode.VALIDATION_FAILED,
                "A channel needs at least one warehouse to ship from.");
        BusinessRuleViolation.require(new HashSet<>(warehouseIds).size() == warehouseIds.size(),
                ErrorCode.VALIDATION_FAILED, "A warehouse may appear only once in a channel's priority list.");
        BusinessRuleViolation.require(safetyBuffer >= 0, ErrorCode.VALIDATION_FAILED,
                "The safety buffer cannot be negative.");
    }

    public ChannelRules rules() {
        return new ChannelRules(channelId, currency, pricesIncludeTax, warehouseIds, allocationStrategy,
                backordersAllowed);
    }

    @EventSourcingHandler
    void on(ChannelRegistered event) {
        aggregateId = StreamIds.channel(event.channelId());
        channelId = event.channelId();
        currency = event.currency();
        pricesIncludeTax = event.pricesIncludeTax();
        warehouseIds = event.warehouseIds();
        allocationStrategy = event.allocationStrategy();
        backordersAllowed = event.backordersAllowed();
        safetyBuffer = event.safetyBuffer();
    }

    @EventSourcingHandler
    void on(ChannelSettingsChanged event) {
        warehouseIds = event.warehouseIds();
        allocationStrategy = event.allocationStrategy();
        backordersAllowed = event.backordersAllowed();
        safetyBuffer = event.safetyBuffer();
    }
}
