package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    @Test
    void zOfTheCommonServiceLevelsMatchesTheNormalTablesToFourDecimals() {
        assertThat(NormalQuantile.of(0.95)).isCloseTo(1.6449, within(0.00005));
        assertThat(NormalQuantile.of(0.99)).isCloseTo(2.3263, within(0.00005));
        assertThat(NormalQuantile.of(0.90)).isCloseTo(1.2816, within(0.00005));
        assertThat(NormalQuantile.of(0.975)).isCloseTo(1.9600, within(0.00005));
        assertThat(NormalQuantile.of(0.5)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void theTailsAreCoveredAndSymmetric() {
        // Φ⁻¹(0.001) = −3.090232306..., Φ⁻¹(0.999999) = 4.753424308... (reference values of the normal quantile)
        assertThat(NormalQuantile.of(0.001)).isCloseTo(-3.0902323062, within(1e-8));
        assertThat(NormalQuantile.of(0.999999)).isCloseTo(4.7534243088, within(1e-8));
        assertThat(NormalQuantile.of(0.01)).isCloseTo(-NormalQuantile.of(0.99), within(1e-12));
        // both sides of the region boundaries p_low = 0.02425 and 1 − p_low meet without a jump
        assertThat(NormalQuantile.of(0.02425 - 1e-12)).isCloseTo(NormalQuantile.of(0.02425 + 1e-12), within(1e-8));
        assertThat(NormalQuantile.of(0.97575 - 1e-12)).isCloseTo(NormalQuantile.of(0.97575 + 1e-12), within(1e-8));
    }

    @Test
    void zIsIncreasingInTheServiceLevel() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 1000; i++) {
            double z = NormalQuantile.of(i / 1000.0);
            assertThat(z).isGreaterThan(previous);
            previous = z;
        }
    }

    @Test
    void levelsOutsideTheOpenUnitIntervalAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> NormalQuantile.of(0));
        assertThatIllegalArgumentException().isThrownBy(() -> NormalQuantile.of(1));
        assertThatIllegalArgumentException().isThrownBy(() -> NormalQuantile.of(Double.NaN));
    }
}
