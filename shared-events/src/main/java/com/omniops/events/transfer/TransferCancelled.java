package com.omniops.events.transfer;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A transfer was called off before it shipped; no stock moved. */
@Revision("1")
public record TransferCancelled(String transferId, String reason, Instant cancelledAt) implements TransferEvent {
}
