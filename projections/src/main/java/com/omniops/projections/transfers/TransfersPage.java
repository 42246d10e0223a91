package com.omniops.projections.transfers;

import java.util.List;

/** One page of transfers, newest request first. */
public record TransfersPage(List<TransferView> items, int page, int size, long totalItems, int totalPages) {

    public TransfersPage {
        items = List.copyOf(items);
    }
}
