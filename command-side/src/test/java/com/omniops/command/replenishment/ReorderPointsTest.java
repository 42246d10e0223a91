package com.omniops.command.replenishment;

import com.omniops.command.lookup.SupplierDirectory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The replenishment policy's decision: how much to order for a stock item's situation. */
class ReorderPointsTest {

    private static final String ID = "WH-A:SKU-1";

    @Test
    void minMaxOrdersUpToMaxRoundedUpToTheMultiple_theIssuesExample() {
        // min 10, max 40, multiple 6, projected 8 → 40 − 8 = 32 → 36
        ReorderPoints.Situation situation = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "MIN_MAX", 10,
                40, 6, null, false, 8, 0, 0, 0, null, null, 0, 0);
        ReorderPoints.Decision decision = ReorderPoints.decide(situation,
                new SupplierDirectory.Terms("SUP-1", BigDecimal.TEN, BigDecimal.ONE, 1, "EUR"), new double[0]);
        assertThat(decision.orderQuantity()).isEqualTo(36);
        ReorderPoints.Situation above = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "MIN_MAX", 10, 40,
                6, null, false, 15, 4, 0, 0, null, null, 0, 0); // projected 11 > min 10
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
                20, 5, new BigDecimal("0.95"), false, 40, 0, 0, 0, null, null, 0, 0);
        ReorderPoints.Decision decision = ReorderPoints.decide(at40, terms, demand);
        assertThat(decision.orderQuantity()).as("up to ROP 40 + cycle 20 = 60 from 40, multiple 5").isEqualTo(20);
        assertThat(decision.explanation()).contains("ROP=40.00");
        ReorderPoints.Situation at41 = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "SERVICE_LEVEL", 0,
                20, 5, new BigDecimal("0.95"), false, 41, 0, 0, 0, null, null, 0, 0);
        assertThat(ReorderPoints.decide(at41, terms, demand).orderQuantity()).isZero();
    }

    @Test
    void heldUnitsDoNotCountAsProjectedStock() {
        // 15 on hand of which 3 quarantined, 4 reserved: 8 sellable ≤ min 10 → 40 − 8 = 32 → 36, as with 8 on hand
        ReorderPoints.Situation situation = new ReorderPoints.Situation(ID, "SKU-1", "WH-A", "SUP-1", "MIN_MAX", 10,
                40, 6, null, false, 15, 4, 3, 0, null, null, 0, 0);
        assertThat(situation.projected()).isEqualTo(8);
        assertThat(ReorderPoints.decide(situation, new SupplierDirectory.Terms("SUP-1", BigDecimal.TEN,
                BigDecimal.ONE, 1, "EUR"), new double[0]).orderQuantity()).isEqualTo(36);
    }
}
