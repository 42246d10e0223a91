package com.omniops.events.settlement;

/**
 * Events of a Settlement: a marketplace settlement or a payment provider's payout, imported from its report. The
 * import starts with the summary, records the rows in chunks (so a file of any size is never one event or one
 * transaction) and ends when every row is recorded; only an imported settlement counts in the books and the
 * reconciliation (docs/settlements.md).
 */
public sealed interface SettlementEvent permits SettlementImportStarted, SettlementRowsRecorded, SettlementImported,
        SettlementRowMatched, SettlementDifferenceAccepted {

    /** {@code <channel>~<report id>}: the marketplace's settlement id or the provider's payout id, per channel. */
    String settlementId();

    /** The settlement id of a channel's report ('~' cannot occur in a channel id or a report id). */
    static String idOf(String channelId, String reportId) {
        return channelId + "~" + reportId;
    }
}
