package com.omniops.command.replenishment;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

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
        return new SetReorderRule(ReorderRule.idOf(ID), "SKU-1", "WH-A", "SUP-1", ReorderMethod.MIN_MAX, min, max, multiple, null,
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
                .when(new SetReorderRule(ReorderRule.idOf(ID), "SKU-1", "WH-A", "NOPE", ReorderMethod.MIN_MAX, 1, 2, 1, null, false))
                .expectException(violation(ErrorCode.SUPPLIER_NOT_FOUND));
        fixture.givenNoPriorActivity()
                .when(new SetReorderRule(ReorderRule.idOf(ID), "SKU-1", "WH-A", "SUP-1", ReorderMethod.SERVICE_LEVEL, 0, 0, 1,
                        new BigDecimal("1.0"), false))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void minMaxOrdersUpToMaxRoundedUpToTheMultiple_theIssuesExample() {
        // min 10, max 40, multiple 6, projected 8 → 40 − 8 = 32 → 36
        ReorderPoints.Situation situation = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "MIN_MAX", 10,
                40, 6, null, false, 8, 0, null, null, 0, 0);
        ReorderPoints.Decision decision = ReorderPoints.decide(situation,
                new SupplierDirectory.Terms("SUP-1", BigDecimal.TEN, BigDecimal.ONE, 1, "EUR"), new double[0]);
        assertThat(decision.orderQuantity()).isEqualTo(36);
        ReorderPoints.Situation above = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "MIN_MAX", 10, 40,
                6, null, false, 15, 4, null, null, 0, 0); // projected 11 > min 10
        assertThat(ReorderPoints.decide(above, new SupplierDirectory.Terms("SUP-1", BigDecimal.TEN,
                BigDecimal.ONE, 1, "EUR"), new double[0]).orderQuantity()).isZero();
    }

    @Test
    void serviceLevelReordersAtTheReorderPointAndOrdersBackAboveIt() {
        // Steady demand of 10/day (σd = 0 on a flat series), lead time 4 ± 0 days: ROP = 40, SS = 0.
        double[] demand = new double[28];
        java.util.Arrays.fill(demand, 10);
        SupplierDirectory.Terms terms = new SupplierDirectory.Terms("SUP-1", new BigDecimal("4"), BigDecimal.ZERO, 1,
                "EUR");
        ReorderPoints.Situation at40 = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "SERVICE_LEVEL", 0,
                20, 5, new BigDecimal("0.95"), false, 40, 0, null, null, 0, 0);
        ReorderPoints.Decision decision = ReorderPoints.decide(at40, terms, demand);
        assertThat(decision.orderQuantity()).as("up to ROP 40 + cycle 20 = 60 from 40, multiple 5").isEqualTo(20);
        assertThat(decision.explanation()).contains("ROP=40.00");
        ReorderPoints.Situation at41 = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "SERVICE_LEVEL", 0,
                20, 5, new BigDecimal("0.95"), false, 41, 0, null, null, 0, 0);
        assertThat(ReorderPoints.decide(at41, terms, demand).orderQuantity()).isZero();
    }
}
