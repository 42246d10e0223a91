package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplenishmentTest {

    /** A forecast of 20 a day with σd = 5, as if from SES. */
    private static final DemandForecast FORECAST = new DemandForecast(ForecastMethod.SES, 0.2, 20, 5, 89,
            new double[0]);

    @Test
    void withoutMinAndMaxTheReorderPointDecides_andEveryNumberIsCarried() {
        // ROP = 80 + 36.78 = 116.78 → min = max = 117; position 100 ≤ 117 → 117 − 100 = 17 → multiple 12 → 24
        ReorderRecommendation r = Replenishment.recommend(FORECAST, new LeadTime(4, 1), 0.95, 100,
                new ReorderRule(null, null, 12, 0));

        assertThat(r.method()).isEqualTo(ForecastMethod.SES);
        assertThat(r.meanDailyDemand()).isEqualTo(20);
        assertThat(r.demandStdDev()).isEqualTo(5);
        assertThat(r.leadTimeMeanDays()).isEqualTo(4);
        assertThat(r.leadTimeStdDevDays()).isEqualTo(1);
        assertThat(r.serviceLevel()).isEqualTo(0.95);
        assertThat(r.z()).isCloseTo(1.6449, within(0.00005));
        assertThat(r.leadTimeDemand()).isEqualTo(80);
        assertThat(r.safetyStock()).isCloseTo(36.78, within(0.005));
        assertThat(r.reorderPoint()).isCloseTo(116.78, within(0.005));
        assertThat(r.min()).isEqualTo(117);
        assertThat(r.max()).isEqualTo(117);
        assertThat(r.position()).isEqualTo(100);
        assertThat(r.orderQuantity()).isEqualTo(24);
        assertThat(r.reorder()).isTrue();
    }

    @Test
    void anExplicitRuleWins() {
        ReorderRecommendation r = Replenishment.recommend(FORECAST, new LeadTime(4, 1), 0.95, 8,
                new ReorderRule(10, 40, 6, 0));
        assertThat(r.min()).isEqualTo(10);
        assertThat(r.max()).isEqualTo(40);
        assertThat(r.orderQuantity()).isEqualTo(36);

        ReorderRecommendation above = Replenishment.recommend(FORECAST, new LeadTime(4, 1), 0.95, 118,
                ReorderRule.fromReorderPoint());
        assertThat(above.orderQuantity()).isZero();
        assertThat(above.reorder()).isFalse();
    }
}
