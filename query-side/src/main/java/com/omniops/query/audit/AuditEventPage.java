package com.omniops.query.audit;

import java.util.List;

/** One page of stored events. */
public record AuditEventPage(List<AuditEvent> items, int page, int size, long totalItems, int totalPages) {

    public AuditEventPage {
        items = List.copyOf(items);
    }
}
