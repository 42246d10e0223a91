package com.omniops.command.channel.change;

import com.omniops.command.channel.Channel;
import com.omniops.command.channel.ChannelSettings;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.channel.ChannelType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class ChangeChannelSettingsTest {

    private static final ChannelRegistered REGISTERED = new ChannelRegistered("MKT-A", "Marketplace A",
            ChannelType.MARKETPLACE, "EUR", true, List.of("WH-A", "WH-B"), AllocationStrategy.PRIORITY, false, 2,
            NOW);

    private AggregateTestFixture<Channel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Channel.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void whenAWarehouseIsAdded_thenTheEventCarriesEveryRuleAndKeepsTheOthers() {
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", List.of("3PL", "WH-A", "WH-B"), null, null, null, "peak"))
                .expectEvents(new ChannelSettingsChanged("MKT-A", List.of("3PL", "WH-A", "WH-B"),
                        AllocationStrategy.PRIORITY, false, 2, "peak", NOW))
                .expectResultMessagePayload(new ChannelSettings("MKT-A", List.of("3PL", "WH-A", "WH-B"),
                        AllocationStrategy.PRIORITY, false, 2, true));
    }

    @Test
    void whenEverySettingChanges_thenTheEventHasTheNewOnes() {
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", null, AllocationStrategy.FEWEST_SPLITS, true, 7, null))
                .expectEvents(new ChannelSettingsChanged("MKT-A", List.of("WH-A", "WH-B"),
                        AllocationStrategy.FEWEST_SPLITS, true, 7, null, NOW));
    }

    @Test
    void whenASecondChangeFollows_thenItStartsFromTheFirst() {
        fixture.given(REGISTERED, new ChannelSettingsChanged("MKT-A", List.of("WH-B"), AllocationStrategy.MOST_STOCK,
                        true, 0, null, NOW))
                .when(new ChangeChannelSettings("MKT-A", null, null, null, 3, null))
                .expectEvents(new ChannelSettingsChanged("MKT-A", List.of("WH-B"), AllocationStrategy.MOST_STOCK,
                        true, 3, null, NOW));
    }

    @Test
    void whenNothingWouldChange_thenNothingIsRecorded() {
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", List.of("WH-A", "WH-B"), AllocationStrategy.PRIORITY,
                        false, 2, "same again"))
                .expectNoEvents()
                .expectResultMessagePayload(new ChannelSettings("MKT-A", List.of("WH-A", "WH-B"),
                        AllocationStrategy.PRIORITY, false, 2, false));
    }

    @Test
    void whenTheWarehousesAreEmptyOrRepeatedOrTheBufferNegative_thenRejected() {
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", List.of(), null, null, null, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", List.of("WH-A", "WH-A"), null, null, null, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.given(REGISTERED)
                .when(new ChangeChannelSettings("MKT-A", null, null, null, -1, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
