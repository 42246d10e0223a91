package com.omniops.command.channel.register;

import com.omniops.command.channel.Channel;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class RegisterChannelTest {

    private AggregateTestFixture<Channel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Channel.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Channels("TAKEN"));
    }

    private static RegisterChannel register(String id, List<String> warehouses, int buffer) {
        return new RegisterChannel(id, "Marketplace A", ChannelType.MARKETPLACE, "EUR", true, warehouses,
                AllocationStrategy.MOST_STOCK, true, buffer);
    }

    @Test
    void whenRegistering_thenChannelRegisteredWithItsRules() {
        fixture.givenNoPriorActivity()
                .when(register("MKT-A", List.of("WH-A", "3PL"), 2))
                .expectEvents(new ChannelRegistered("MKT-A", "Marketplace A", ChannelType.MARKETPLACE, "EUR", true,
                        List.of("WH-A", "3PL"), AllocationStrategy.MOST_STOCK, true, 2, NOW));
    }

    @Test
    void whenRegisteringATakenId_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(register("TAKEN", List.of("WH-A"), 0))
                .expectException(violation(ErrorCode.CHANNEL_ALREADY_EXISTS));
    }

    @Test
    void whenRegisteringWithoutWarehousesOrWithARepeatedOne_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(register("MKT-A", List.of(), 0))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(register("MKT-A", List.of("WH-A", "WH-A"), 0))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void whenRegisteringWithANegativeSafetyBuffer_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(register("MKT-A", List.of("WH-A"), -1))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void whenRegisteringWithAnUnknownCurrency_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterChannel("MKT-A", "Marketplace A", ChannelType.MARKETPLACE, "XYZ", true,
                        List.of("WH-A"), AllocationStrategy.PRIORITY, false, 0))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
