package com.omniops.command.alert;

import com.omniops.command.rule.ErrorCode;
import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import com.omniops.events.alert.AlertType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** One alert per type and subject: raised once while open, acknowledged once per occurrence, resolved once. */
class AlertTest {

    private static final String ID = "DELAYED_FULFILMENT~order-1";
    private static final RaiseAlert RAISE = new RaiseAlert(ID, AlertType.DELAYED_FULFILMENT, "WEB", null, "order-1",
            "Order W-1 (WEB) was promised to ship by 2026-11-19; 2 of 3 units have not shipped.",
            new BigDecimal("2"), BigDecimal.ZERO);
    private static final AlertRaised RAISED = new AlertRaised(ID, 1, AlertType.DELAYED_FULFILMENT, "WEB", null,
            "order-1", RAISE.summary(), new BigDecimal("2"), BigDecimal.ZERO, NOW);

    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void raisedOnceWhileOpen() {
        fixture.givenNoPriorActivity().when(RAISE).expectEvents(RAISED).expectResultMessagePayload(true);
        fixture.given(RAISED).when(RAISE).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(RAISED, new AlertAcknowledged(ID, 1, "ops.maria", null, NOW)).when(RAISE).expectNoEvents();
    }

    @Test
    void acknowledgedOncePerOccurrenceAndOnlyWhileOpen() {
        fixture.given(RAISED)
                .when(new AcknowledgeAlert(ID, "ops.maria", "on it"))
                .expectEvents(new AlertAcknowledged(ID, 1, "ops.maria", "on it", NOW));
        fixture.given(RAISED, new AlertAcknowledged(ID, 1, "ops.maria", "on it", NOW))
                .when(new AcknowledgeAlert(ID, "ops.tom", null))
                .expectException(violation(ErrorCode.ALERT_ALREADY_ACKNOWLEDGED));
        fixture.given(RAISED, new AlertResolved(ID, 1, true, "system", "shipped", NOW))
                .when(new AcknowledgeAlert(ID, "ops.tom", null))
                .expectException(violation(ErrorCode.ALERT_NOT_OPEN));
    }

    @Test
    void resolvedAutomaticallyOrByHandOnce() {
        fixture.given(RAISED)
                .when(new ResolveAlert(ID, true, "system", "the order has shipped in full"))
                .expectEvents(new AlertResolved(ID, 1, true, "system", "the order has shipped in full", NOW));
        fixture.given(RAISED)
                .when(new ResolveAlert(ID, false, "ops.maria", "customer collects in store"))
                .expectEvents(new AlertResolved(ID, 1, false, "ops.maria", "customer collects in store", NOW));
        // a policy's resolution after a person's is a no-op; a person's second one is refused
        AlertResolved byHand = new AlertResolved(ID, 1, false, "ops.maria", "collected", NOW);
        fixture.given(RAISED, byHand)
                .when(new ResolveAlert(ID, true, "system", "shipped"))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(RAISED, byHand)
                .when(new ResolveAlert(ID, false, "ops.tom", "again"))
                .expectException(violation(ErrorCode.ALERT_NOT_OPEN));
    }

    @Test
    void raisedAgainAfterResolutionIsANewOccurrenceWithAFreshAcknowledgement() {
        AlertRaised second = new AlertRaised(ID, 2, AlertType.DELAYED_FULFILMENT, "WEB", null, "order-1",
                RAISE.summary(), new BigDecimal("2"), BigDecimal.ZERO, NOW);
        fixture.given(RAISED, new AlertAcknowledged(ID, 1, "ops.maria", null, NOW),
                        new AlertResolved(ID, 1, true, "system", "shipped", NOW))
                .when(RAISE)
                .expectEvents(second);
        fixture.given(RAISED, new AlertAcknowledged(ID, 1, "ops.maria", null, NOW),
                        new AlertResolved(ID, 1, true, "system", "shipped", NOW), second)
                .when(new AcknowledgeAlert(ID, "ops.tom", null))
                .expectEvents(new AlertAcknowledged(ID, 2, "ops.tom", null, NOW));
    }
}
