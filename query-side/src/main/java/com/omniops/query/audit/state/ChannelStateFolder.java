package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.channel.ChannelType;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Channel: its fulfilment rules (warehouses in priority order, strategy, backorders, safety buffer). */
@Component
public class ChannelStateFolder implements AuditStateFolder<ChannelStateFolder.ChannelState, ChannelEvent> {

    @Override
    public String aggregateType() {
        return "Channel";
    }

    @Override
    public ChannelState initial(String aggregateId) {
        return new ChannelState(aggregateId);
    }

    @Override
    public Class<ChannelEvent> events() {
        return ChannelEvent.class;
    }

    @Override
    public void fold(ChannelState s, ChannelEvent event) {
        switch (event) {
            case ChannelRegistered e -> {
                s.name = e.name();
                s.type = e.type();
                s.warehouseIds = e.warehouseIds();
                s.allocationStrategy = e.allocationStrategy();
                s.backordersAllowed = e.backordersAllowed();
                s.safetyBuffer = e.safetyBuffer();
                s.currency = e.currency();
                s.pricesIncludeTax = e.pricesIncludeTax();
                s.registeredAt = e.registeredAt();
            }
            case ChannelSettingsChanged e -> {
                s.warehouseIds = e.warehouseIds();
                s.allocationStrategy = e.allocationStrategy();
                s.backordersAllowed = e.backordersAllowed();
                s.safetyBuffer = e.safetyBuffer();
                s.settingsChangedAt = e.changedAt();
            }
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class ChannelState {
        private final String channelId;
        private String name;
        private ChannelType type;
        private List<String> warehouseIds = List.of();
        private AllocationStrategy allocationStrategy;
        private boolean backordersAllowed;
        private int safetyBuffer;
        private String currency;
        private boolean pricesIncludeTax;
        private Instant registeredAt;
        private Instant settingsChangedAt;

        ChannelState(String channelId) {
            this.channelId = channelId;
        }

        public List<String> warehouseIds() {
            return warehouseIds;
        }

        public int safetyBuffer() {
            return safetyBuffer;
        }
    }
}
