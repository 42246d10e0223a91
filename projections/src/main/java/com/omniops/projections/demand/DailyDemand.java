package com.omniops.projections.demand;

import java.time.LocalDate;

/** Units shipped and units reserved on one UTC day. */
public record DailyDemand(LocalDate date, int shipped, int reserved) {
}
