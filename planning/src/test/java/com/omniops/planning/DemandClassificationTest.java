package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemandClassificationTest {

    @Test
    void intermittentDemandGoesToCroston_knownAnswer() {
        // 10 days, 3 with demand: ADI = 10/3 = 3.33 > 1.32 → Croston-SBA
        // sizes 6, 4, 5: μ = 5, σ² = (1 + 1 + 0)/3 = 2/3, CV² = (2/3)/25 = 0.026667
        double[] demand = {0, 0, 6, 0, 4, 0, 0, 0, 5, 0};

        DemandClassification c = DemandClassification.of(demand);

        assertThat(c.days()).isEqualTo(10);
        assertThat(c.daysWithDemand()).isEqualTo(3);
        assertThat(c.adi()).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(c.cv2()).isCloseTo(2.0 / 3 / 25, within(1e-12));
        assertThat(c.method()).isEqualTo(ForecastMethod.CROSTON_SBA);
        assertThat(c.forecast(demand, 0.2)).isEqualTo(Croston.forecastSba(demand, 0.2));
    }

    @Test
    void demandOnMostDaysGoesToSes() {
        // 4 of 5 days: ADI = 1.25 ≤ 1.32
        double[] demand = {3, 0, 2, 4, 1};
        DemandClassification c = DemandClassification.of(demand);
        assertThat(c.adi()).isEqualTo(1.25);
        assertThat(c.method()).isEqualTo(ForecastMethod.SES);
        assertThat(c.forecast(demand, 0.3)).isEqualTo(ExponentialSmoothing.forecast(demand, 0.3, 1));
    }

    @Test
    void theCutOffItselfIsStillSmooth() {
        // 33 days, 25 with demand: ADI = 1.32 exactly → SES; one more zero day → 34/25 = 1.36 → Croston
        double[] demand = new double[33];
        for (int i = 0; i < 25; i++) {
            demand[i] = 1;
        }
        assertThat(DemandClassification.of(demand).method()).isEqualTo(ForecastMethod.SES);
        assertThat(DemandClassification.of(new double[34]).method()).isEqualTo(ForecastMethod.CROSTON_SBA);
        double[] longer = java.util.Arrays.copyOf(demand, 34);
        assertThat(DemandClassification.of(longer).method()).isEqualTo(ForecastMethod.CROSTON_SBA);
    }

    @Test
    void noDemandAtAllHasAnInfiniteInterval() {
        DemandClassification c = DemandClassification.of(new double[] {0, 0});
        assertThat(c.adi()).isInfinite();
        assertThat(c.cv2()).isZero();
        assertThat(c.method()).isEqualTo(ForecastMethod.CROSTON_SBA);
    }
}
