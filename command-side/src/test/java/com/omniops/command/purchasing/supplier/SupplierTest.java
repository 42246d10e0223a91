package com.omniops.command.purchasing.supplier;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.supplier.SupplierRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class SupplierTest {

    private AggregateTestFixture<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Supplier.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Suppliers());
    }

    @Test
    void whenRegistering_thenSupplierRegisteredWithItsTerms() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier("SUP-1", "Linen mill", new BigDecimal("12.5"), new BigDecimal("2"), 24,
                        "EUR"))
                .expectEvents(new SupplierRegistered("SUP-1", "Linen mill", new BigDecimal("12.5"),
                        new BigDecimal("2"), 24, "EUR", NOW));
    }

    @Test
    void whenRegisteringANonPositiveLeadTimeOrMinimum_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier("SUP-1", "x", BigDecimal.ZERO, BigDecimal.ZERO, 1, "EUR"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier("SUP-1", "x", BigDecimal.ONE, BigDecimal.ZERO, 0, "EUR"))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
