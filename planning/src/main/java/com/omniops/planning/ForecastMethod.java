package com.omniops.planning;

/** How a daily demand rate was forecast. */
public enum ForecastMethod {
    /** Simple exponential smoothing of every day's demand ({@link ExponentialSmoothing}). */
    SES,
    /** Croston's method with the Syntetos–Boylan approximation ({@link Croston}). */
    CROSTON_SBA
}
