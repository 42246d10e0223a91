package com.omniops.events.product;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ProductRegistered(String sku, String name, String unitOfMeasure, String taxCategory,
                                Instant registeredAt) implements ProductEvent {
}
