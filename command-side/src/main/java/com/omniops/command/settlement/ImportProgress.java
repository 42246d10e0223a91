package com.omniops.command.settlement;

import com.omniops.events.Money;

import java.math.BigDecimal;

/**
 * A settlement's import as the aggregate knows it: how far it is (the next chunk to record) and, once imported, its
 * totals. {@code sameFile} is false when the settlement was started from another file than the one offered now.
 */
public record ImportProgress(String settlementId, SettlementStatus status, boolean sameFile, int nextChunk,
                             long rowsRecorded, long rowCount, Money total, BigDecimal rowsTotal, boolean exception) {
}
