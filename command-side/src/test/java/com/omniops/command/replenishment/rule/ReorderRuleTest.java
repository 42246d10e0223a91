package com.omniops.command.replenishment.rule;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.StreamIds;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class ReorderRuleTest {

    private static final String ID = "WH-A:SKU-1";
    private AggregateTestFixture<ReorderRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReorderRule.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1"));
        fixture.registerInjectableResource(new InMemoryLookups.Suppliers(new SupplierDirectory.Terms("SUP-1",
                BigDecimal.TEN, BigDecimal.ONE, 1, "EUR")));
    }

    private static SetReorderRule minMax(int min, int max, int multiple) {
        return new SetReorderRule(StreamIds.reorderRule(ID), "SKU-1", "WH-A", "SUP-1", ReorderMethod.MIN_MAX, min, max, multiple, null,
                false);
    }

    private static ReorderRuleSet set(int min, int max, int multiple) {
        return new ReorderRuleSet(ID, "SKU-1", "WH-A", "SUP-1", ReorderMethod.MIN_MAX, min, max, multiple, null, false,
                NOW);
    }

    @Test
    void whenSettingAMinMaxRule_thenTheRuleIsSet_andSettingTheSameAgainChangesNothing() {
        fixture.givenNoPriorActivity().when(minMax(10, 40, 6)).expectEvents(set(10, 40, 6));
        fixture.given(set(10, 40, 6)).when(minMax(10, 40, 6)).expectNoEvents();
        fixture.given(set(10, 40, 6)).when(minMax(12, 40, 6)).expectEvents(set(12, 40, 6));
    }

    @Test
    void whenMaxIsNotAboveMinOrTheMultipleIsZero_thenRejected() {
        fixture.givenNoPriorActivity().when(minMax(10, 10, 6)).expectException(violation(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity().when(minMax(10, 40, 0)).expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void whenTheSupplierIsUnknownOrTheServiceLevelIsOutOfRange_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new SetReorderRule(StreamIds.reorderRule(ID), "SKU-1", "WH-A", "NOPE", ReorderMethod.MIN_MAX, 1, 2, 1, null, false))
                .expectException(violation(ErrorCode.SUPPLIER_NOT_FOUND));
        fixture.givenNoPriorActivity()
                .when(new SetReorderRule(StreamIds.reorderRule(ID), "SKU-1", "WH-A", "SUP-1", ReorderMethod.SERVICE_LEVEL, 0, 0, 1,
                        new BigDecimal("1.0"), false))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
