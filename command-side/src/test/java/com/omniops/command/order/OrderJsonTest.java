package com.omniops.command.order;

import com.omniops.command.order.pay.CapturePayment;
import com.omniops.events.json.EventJson;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static com.omniops.command.order.OrderFixtures.ID;
import static com.omniops.command.order.OrderFixtures.delivered;
import static com.omniops.command.order.OrderFixtures.eur;
import static com.omniops.command.order.OrderFixtures.paid;
import static com.omniops.command.order.OrderFixtures.placed;
import static com.omniops.command.order.OrderFixtures.shipped;
import static com.omniops.command.support.Violations.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order is cached, not snapshotted; should it ever be, its root and members must survive a JSON round trip through
 * their fields (no cycles, no getter-only state).
 */
class OrderJsonTest {

    @Test
    void anOrderAndItsMembersRoundTripThroughJsonFields() {
        AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.given(placed(), shipped(), delivered(), paid("10.00"))
                .when(new CapturePayment(ID, "PAY-2", eur("5.00"), "ADYEN", "PSP-2"))
                .expectState(order -> {
                    try {
                        var mapper = EventJson.mapper();
                        Order copy = mapper.readValue(mapper.writeValueAsString(order), Order.class);
                        assertThat(copy.status()).isEqualTo(order.status());
                        assertThat(copy.balance()).isEqualTo(order.balance());
                        assertThat(copy.fulfilment()).isEqualTo(order.fulfilment());
                        assertThat(copy.placementResult()).isEqualTo(order.placementResult());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }
}
