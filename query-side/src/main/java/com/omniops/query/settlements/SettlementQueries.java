package com.omniops.query.settlements;

import com.omniops.projections.settlements.SettlementViews.DifferenceFilter;
import com.omniops.projections.settlements.SettlementViews.RowFilter;
import com.omniops.projections.settlements.SettlementViews.SettlementFilter;

/** The questions the settlements read model answers on the query bus; parameters checked by the controller. */
public final class SettlementQueries {

    private SettlementQueries() {
    }

    public record ListSettlements(SettlementFilter filter, int page, int size) {
    }

    public record GetSettlement(String settlementId) {
    }

    public record ListSettlementRows(RowFilter filter, int page, int size) {
    }

    public record ListOrderDifferences(DifferenceFilter filter, int page, int size) {
    }
}
