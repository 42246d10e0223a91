/**
 * Demand forecasting and replenishment maths: small pure functions of numbers, no framework and no I/O.
 * <ul>
 *     <li>{@link com.omniops.planning.ExponentialSmoothing}: simple exponential smoothing (SES) of a daily series.</li>
 *     <li>{@link com.omniops.planning.Croston}: Croston's method with the Syntetos–Boylan approximation (SBA) for
 *     intermittent demand.</li>
 *     <li>{@link com.omniops.planning.DemandClassification}: which of the two a series calls for (ADI rule).</li>
 *     <li>{@link com.omniops.planning.NormalQuantile}: z for a service level (inverse standard normal CDF).</li>
 *     <li>{@link com.omniops.planning.ReorderPoint}: safety stock and reorder point under demand and lead-time
 *     uncertainty.</li>
 *     <li>{@link com.omniops.planning.OrderQuantity}: min/max/multiple ordering with a supplier minimum.</li>
 *     <li>{@link com.omniops.planning.Replenishment}: all of it together, as a {@link
 *     com.omniops.planning.ReorderRecommendation} that carries every number behind it.</li>
 *     <li>{@link com.omniops.planning.ObservedLeadTime}: a purchase order's promised and actual lead time in days.</li>
 * </ul>
 * Demand series are arrays of non-negative daily quantities, oldest day first, with zero for days without demand.
 */
package com.omniops.planning;
