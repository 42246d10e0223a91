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
     * kind. {@code unmatchedRows}: rows in UNKNOWN_ORDER, NO_ORDER or SUSPENSE whose difference is not accepted;
     * {@code openOrderDifferences}: orders of its rows with an open difference ({@link OrderDifferences});
     * {@code reconciled}: imported, and neither of those nor an unaccepted total difference is left.
     */
    public record Settlement(String settlementId, String channelId, String source, String reportId,
                             Instant periodStart, Instant periodEnd, Instant depositDate, String currency,
                             BigDecimal total, long rowCount, long rowsRecorded, BigDecimal rowsTotal,
                             BigDecimal difference, String status, boolean exception, boolean reconciled,
                             long unmatchedRows, long openOrderDifferences, OrderDifferences.Acceptance totalAccepted,
                             Map<String, Long> rowsByMatchState, Map<String, BigDecimal> totalsByKind,
                             String fileName, String importedBy, Instant startedAt, Instant importedAt) {
    }

    public record SettlementPage(List<Settlement> items, int page, int size, long totalItems, int totalPages) {
        public SettlementPage {
            items = List.copyOf(items);
        }
    }

    /** One row of a settlement as its report stated it, with the order it was matched to (if any). */
    public record Row(String settlementId, long rowNo, String channelId, long line, String kind,
                      String transactionType, String orderReference, String orderId, String matchState,
                      BigDecimal amount, String description, String transactionId, String sku, Integer quantity,
                      Instant postedAt, String matchedBy, String matchNote, OrderDifferences.Acceptance accepted) {
    }

    public record RowPage(List<Row> items, int page, int size, long totalItems, int totalPages) {
        public RowPage {
            items = List.copyOf(items);
        }
    }

    public record DifferencePage(List<OrderDifferences.Difference> items, int page, int size, long totalItems,
                                 int totalPages) {
        public DifferencePage {
            items = List.copyOf(items);
        }
    }

    /**
     * Which order differences: of a channel, of one type, accepted ones too or only open ones; orders paid before
     * {@code unsettledBefore} and in no settlement are NOT_SETTLED.
     */
    public record DifferenceFilter(String channelId, OrderDifferences.Type type, boolean includeAccepted,
                                   Instant unsettledBefore) {
    }

    /** Orders of a channel paid and not yet fully settled, by the age of their first payment (0-7, 8-14, 15-30, 31+ days). */
    public record UnsettledAge(String channelId, String ageDays, long orders, BigDecimal unsettled) {
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
