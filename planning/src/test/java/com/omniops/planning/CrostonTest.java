package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrostonTest {

    @Test
    void smoothsSizeAndIntervalOnDemandDaysOnly_withTheSbaFactor_knownAnswer() {
        // day:     1  2  3  4  5  6  7  8  9  10
        // demand:  0  0  6  0  4  0  0  0  5  0        α = 0.2, SBA factor 1 − α/2 = 0.9
        // day 3: first demand: z = 6, p = 3 (interval from the start)        f = 0.9 · 6/3 = 1.8
        // day 5: q = 2: z = 6 + 0.2·(4 − 6) = 5.6, p = 3 + 0.2·(2 − 3) = 2.8  f = 0.9 · 5.6/2.8 = 1.8
        // day 9: q = 4: z = 5.6 + 0.2·(5 − 5.6) = 5.48, p = 2.8 + 0.2·(4 − 2.8) = 3.04
        //        f = 0.9 · 5.48/3.04 = 1.6223684
        // errors on days 4..10 against the rate of the day before:
        //   −1.8, 2.2, −1.8, −1.8, −1.8, 3.2, −1.6223684
        //   Σe² = 3.24 + 4.84 + 3·3.24 + 10.24 + 2.6320794 = 30.6720794;  σd = sqrt(30.6720794 / 7) = 2.0932572
        double[] demand = {0, 0, 6, 0, 4, 0, 0, 0, 5, 0};

        DemandForecast forecast = Croston.forecastSba(demand);

        assertThat(forecast.method()).isEqualTo(ForecastMethod.CROSTON_SBA);
        assertThat(forecast.dailyRate()).isCloseTo(0.9 * 5.48 / 3.04, within(1e-12)).isCloseTo(1.6223684, within(1e-7));
        assertThat(forecast.residualStdDev()).isCloseTo(2.0932572, within(1e-6));
        assertThat(forecast.residualCount()).isEqualTo(7);
        assertThat(forecast.fitted()).usingComparatorWithPrecision(1e-9).containsExactly(
                Double.NaN, Double.NaN, Double.NaN, 1.8, 1.8, 1.8, 1.8, 1.8, 1.8, 0.9 * 5.48 / 3.04);
    }

    @Test
    void withoutTheCorrectionItWouldBeCrostonsZOverP() {
        // α = 1: z and p are the last size and interval; SBA factor 0.5
        double[] demand = {0, 4, 0, 0, 8};
        assertThat(Croston.forecastSba(demand, 1).dailyRate()).isCloseTo(0.5 * 8 / 3, within(1e-12));
    }

    @Test
    void noDemandForecastsZero() {
        DemandForecast forecast = Croston.forecastSba(new double[] {0, 0, 0});
        assertThat(forecast.dailyRate()).isZero();
        assertThat(forecast.residualStdDev()).isZero();
        assertThat(forecast.residualCount()).isZero();
    }
}
