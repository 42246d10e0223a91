package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObservedLeadTimeTest {

    @Test
    void countsWholeDaysFromSubmission() {
        // sent 1 March, promised 11 March (10 days), arrived 14 March (13 days): 3 days late
        ObservedLeadTime late = new ObservedLeadTime(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11),
                LocalDate.of(2026, 3, 14));
        assertThat(late.promisedDays()).isEqualTo(10);
        assertThat(late.actualDays()).isEqualTo(13);
        assertThat(late.lateDays()).isEqualTo(3);
        // across a month end, and early
        ObservedLeadTime early = new ObservedLeadTime(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 2));
        assertThat(early.promisedDays()).isEqualTo(7);
        assertThat(early.actualDays()).isEqualTo(5);
        assertThat(early.lateDays()).isEqualTo(-2);
    }

    @Test
    void needsAllThreeDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ObservedLeadTime(LocalDate.of(2026, 3, 1), null,
                LocalDate.of(2026, 3, 2)));
    }
}
