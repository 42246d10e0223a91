package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialSmoothingTest {

    private static final double[] DEMAND = {10, 12, 8, 10, 10};

    @Test
    void smoothsFromTheFirstDay_knownAnswer() {
        // α = 0.2, ℓ1 = 10
        // day 2: e = 12 − 10     =  2      ℓ = 10 + 0.4      = 10.4
        // day 3: e =  8 − 10.4   = −2.4    ℓ = 10.4 − 0.48   =  9.92
        // day 4: e = 10 − 9.92   =  0.08   ℓ = 9.92 + 0.016  =  9.936
        // day 5: e = 10 − 9.936  =  0.064  ℓ = 9.936 + 0.0128 = 9.9488
        // σd = sqrt((4 + 5.76 + 0.0064 + 0.004096) / 4) = sqrt(2.442624) = 1.562890
        DemandForecast forecast = ExponentialSmoothing.forecast(DEMAND);

        assertThat(forecast.method()).isEqualTo(ForecastMethod.SES);
        assertThat(forecast.alpha()).isEqualTo(0.2);
        assertThat(forecast.dailyRate()).isCloseTo(9.9488, within(1e-9));
        assertThat(forecast.residualStdDev()).isCloseTo(1.5628896, within(1e-6));
        assertThat(forecast.residualCount()).isEqualTo(4);
        assertThat(forecast.fitted()).usingComparatorWithPrecision(1e-9)
                .containsExactly(Double.NaN, 10, 10.4, 9.92, 9.936);
    }

    @Test
    void initialLevelIsTheMeanOfTheFirstKDays_knownAnswer() {
        // k = 2: ℓ2 = (10 + 12) / 2 = 11
        // day 3: e = 8 − 11 = −3          ℓ = 11 − 0.6 = 10.4
        // day 4: e = 10 − 10.4 = −0.4     ℓ = 10.32
        // day 5: e = 10 − 10.32 = −0.32   ℓ = 10.256
        // σd = sqrt((9 + 0.16 + 0.1024) / 3) = sqrt(3.0874667) = 1.757119
        DemandForecast forecast = ExponentialSmoothing.forecast(DEMAND, 0.2, 2);

        assertThat(forecast.dailyRate()).isCloseTo(10.256, within(1e-9));
        assertThat(forecast.residualStdDev()).isCloseTo(1.7571189, within(1e-6));
        assertThat(forecast.residualCount()).isEqualTo(3);
    }

    @Test
    void alphaOneForecastsTheLastDay_andAConstantSeriesHasNoError() {
        assertThat(ExponentialSmoothing.forecast(DEMAND, 1, 1).dailyRate()).isEqualTo(10);
        DemandForecast flat = ExponentialSmoothing.forecast(new double[] {7, 7, 7, 7});
        assertThat(flat.dailyRate()).isEqualTo(7);
        assertThat(flat.residualStdDev()).isZero();
    }

    @Test
    void aSingleDayIsItsOwnForecastWithoutAnyResidual() {
        DemandForecast forecast = ExponentialSmoothing.forecast(new double[] {3});
        assertThat(forecast.dailyRate()).isEqualTo(3);
        assertThat(forecast.residualCount()).isZero();
        assertThat(forecast.residualStdDev()).isZero();
    }

    @Test
    void badInputIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExponentialSmoothing.forecast(new double[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> ExponentialSmoothing.forecast(new double[] {1, -1}));
        assertThatIllegalArgumentException().isThrownBy(() -> ExponentialSmoothing.forecast(DEMAND, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ExponentialSmoothing.forecast(DEMAND, 1.1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ExponentialSmoothing.forecast(DEMAND, 0.2, 6));
    }
}
