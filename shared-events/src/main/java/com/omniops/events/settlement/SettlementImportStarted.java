package com.omniops.events.settlement;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The import of a settlement report began, after the whole file was read and found well-formed: its summary and how
 * many rows will follow ({@code rowCount}), and the file's SHA-256 so a repeated import of the same file can be told
 * from a different file with the same settlement id.
 *
 * @param total       what the report says is paid out (negative: the merchant owes the marketplace)
 * @param periodStart the settlement period; a payout report's is its transactions' first and last available-on date
 */
@Revision("1")
public record SettlementImportStarted(String settlementId, String channelId, SettlementSource source,
                                      String reportId, Instant periodStart, Instant periodEnd, Instant depositDate,
                                      Money total, long rowCount, String fileName, String fileSha256,
                                      String importedBy, Instant startedAt) implements SettlementEvent {
}
