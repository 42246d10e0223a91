package com.omniops.events.alert;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The alert is closed: {@code automatic} when its rule no longer holds (resolved by the system actor, with what
 * cleared it as {@code reason}), otherwise by the user named, with their reason.
 */
@Revision("1")
public record AlertResolved(String alertId, int occurrence, boolean automatic, String resolvedBy, String reason,
                            Instant resolvedAt) implements AlertEvent {
}
