package com.omniops.projections.settlements;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the settlements read model answers (docs/settlements.md "Queries"). */
public final class SettlementViews {

    private SettlementViews() {
    }

    /**
     * One settlement. {@code difference} = total − rowsTotal: what the rows do not explain (non-zero only for an
     * exception). {@code rowsByMatchState} counts its rows per {@link MatchState}; {@code totalsByKind} sums them per
     * kind (in the list, only for the page's settlements).
     */
    public record Settlement(String settlementId, String channelId, String source, String reportId,
                             Instant periodStart, Instant periodEnd, Instant depositDate, String currency,
                             BigDecimal total, long rowCount, long rowsRecorded, BigDecimal rowsTotal,
                             BigDecimal difference, String status, boolean exception, long unmatchedRows,
                             Map<String, Long> rowsByMatchState, Map<String, BigDecimal> totalsByKind,
                             String fileName, String importedBy, Instant startedAt, Instant importedAt) {
    }

    public record SettlementPage(List<Settlement> items, int page, int size, long totalItems, int totalPages) {
        public SettlementPage {
            items = List.copyOf(items);
        }
    }

    /** One row of a settlement as its report stated it, with the order it was matched to (if any). */
    public record Row(String settlementId, String channelId, long line, String kind, String transactionType,
                      String orderReference, String orderId, String matchState, BigDecimal amount,
                      String description, String transactionId, String sku, Integer quantity, Instant postedAt) {
    }

    public record RowPage(List<Row> items, int page, int size, long totalItems, int totalPages) {
        public RowPage {
            items = List.copyOf(items);
        }
    }

    /** Which settlements a list shows; every field optional. */
    public record SettlementFilter(String channelId, String status, Boolean exception) {
    }

    /** Which rows: of one settlement or of all imported ones, of a channel, in some match states, of a kind. */
    public record RowFilter(String settlementId, String channelId, List<MatchState> matchStates, String kind) {
        public RowFilter {
            matchStates = matchStates == null ? List.of() : List.copyOf(matchStates);
        }
    }
}
