package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorderPointTest {

    @Test
    void safetyStockCombinesDemandAndLeadTimeVariability_computedByHand() {
        // d̄ = 20/day, σd = 5, L̄ = 4 days, σL = 1 day, service level 95 % → z = 1.6449
        // SS  = z · sqrt(L̄·σd² + d̄²·σL²) = 1.6449 · sqrt(4·25 + 400·1) = 1.6449 · sqrt(500) = 1.6449 · 22.3607
        //     = 36.78  (36.7800 with z unrounded = 1.64485363)
        // ROP = d̄·L̄ + SS = 80 + 36.78 = 116.78
        ReorderPoint rop = ReorderPoint.of(20, 5, new LeadTime(4, 1), 0.95);

        assertThat(rop.z()).isCloseTo(1.6449, within(0.00005));
        assertThat(rop.leadTimeDemand()).isEqualTo(80);
        assertThat(rop.safetyStock()).isCloseTo(36.7800, within(0.0001));
        assertThat(rop.reorderPoint()).isCloseTo(116.7800, within(0.0001));
    }

    @Test
    void withAFixedLeadTimeOnlyDemandVariabilityCounts() {
        // SS = 2.3263 · sqrt(9 · 4²) = 2.3263 · 12 = 27.916;  ROP = 10 · 9 + 27.916 = 117.916
        ReorderPoint rop = ReorderPoint.of(10, 4, LeadTime.fixed(9), 0.99);
        assertThat(rop.safetyStock()).isCloseTo(27.9162, within(0.0001));
        assertThat(rop.reorderPoint()).isCloseTo(117.9162, within(0.0001));
    }

    @Test
    void withSteadyDemandOnlyLeadTimeVariabilityCounts() {
        // SS = 1.6449 · sqrt(0 + 30² · 2²) = 1.6449 · 60 = 98.69
        ReorderPoint rop = ReorderPoint.of(30, 0, new LeadTime(5, 2), 0.95);
        assertThat(rop.safetyStock()).isCloseTo(98.6912, within(0.0001));
        assertThat(rop.reorderPoint()).isCloseTo(248.6912, within(0.0001));
    }

    @Test
    void fiftyPercentNeedsNoSafetyStock() {
        assertThat(ReorderPoint.of(20, 5, new LeadTime(4, 1), 0.5).safetyStock()).isCloseTo(0, within(1e-9));
    }

    @Test
    void badInputIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReorderPoint.of(-1, 5, LeadTime.fixed(4), 0.95));
        assertThatIllegalArgumentException().isThrownBy(() -> ReorderPoint.of(1, -5, LeadTime.fixed(4), 0.95));
        assertThatIllegalArgumentException().isThrownBy(() -> ReorderPoint.of(1, 5, LeadTime.fixed(4), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new LeadTime(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new LeadTime(1, Double.NaN));
    }
}
