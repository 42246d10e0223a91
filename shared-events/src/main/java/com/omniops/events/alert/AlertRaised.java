package com.omniops.events.alert;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The alert's rule holds for its subject. {@code channelId}, {@code sku} and {@code orderId} are set as far as the
 * subject has them (filters and drill-down); {@code measured} is the figure the rule judged and {@code threshold} the
 * limit it was judged against (in the unit the type states: units, days, percent), both absent when the rule has no
 * figure. {@code summary} is the sentence people read.
 */
@Revision("1")
public record AlertRaised(String alertId, int occurrence, AlertType type, String channelId, String sku,
                          String orderId, String summary, BigDecimal measured, BigDecimal threshold,
                          Instant raisedAt) implements AlertEvent {
}
