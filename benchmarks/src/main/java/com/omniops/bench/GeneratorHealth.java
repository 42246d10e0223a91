package com.omniops.bench;

/**
 * Whether the generator itself kept up: in the open loop, how late it sent (a late send is still measured from its
 * intended time, but a generator that falls behind offers less than the rate asked for) and how many requests it did
 * not send because too many were outstanding.
 */
record GeneratorHealth(String mode, long sent, long lateSends, double maxLatenessMillis, long notSent,
                       int maxInFlight) {

    static final double LATE_MILLIS = 10;

    static GeneratorHealth closedLoop(int threads) {
        return new GeneratorHealth("closed", 0, 0, 0, 0, threads);
    }

    boolean fellBehind() {
        return lateSends > 0 || notSent > 0;
    }

    String describe() {
        if (mode.equals("closed")) {
            return "closed loop: " + maxInFlight + " requests in flight at most (one per client thread)";
        }
        return String.format("open loop: %d sent, %d sent more than %.0f ms after their intended time (max %.1f ms), "
                        + "%d not sent (in-flight cap reached), %d in flight at most%s", sent, lateSends, LATE_MILLIS,
                maxLatenessMillis, notSent, maxInFlight,
                notSent > 0 ? "  ** THE GENERATOR FELL BEHIND: it offered less than the rate asked **"
                        : lateSends > 0 ? "  ** the generator sent late at times (latency still counts from the intended "
                        + "time, but arrivals came in bursts) **" : "");
    }
}
