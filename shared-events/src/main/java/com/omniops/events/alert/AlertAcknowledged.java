package com.omniops.events.alert;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user has seen the open alert and taken it on; {@code note} is optional. The alert stays open until resolved. */
@Revision("1")
public record AlertAcknowledged(String alertId, int occurrence, String acknowledgedBy, String note,
                                Instant acknowledgedAt) implements AlertEvent {
}
