package com.omniops.events.settlement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One amount of a settlement as its report states it, in the settlement's currency: positive when the marketplace or
 * provider pays it to the merchant, negative when it keeps it (a fee, a refund to the buyer, a reserve held).
 *
 * @param line            the line number in the imported file (the header is line 1)
 * @param kind            what the amount is ({@link SettlementRowKind})
 * @param transactionType the report's own type of the transaction (Order, Refund, charge, ...)
 * @param orderReference  the order it belongs to as the report names it: the channel order reference in a
 *                        marketplace report, the payment reference in a payout report; null for account-level rows
 * @param description     the report's amount type and description (or the payout's transaction type), as written
 * @param transactionId   the report's id of the row's transaction (adjustment id, balance transaction id), if any
 * @param sku             the marketplace's SKU, if the row names one
 * @param quantity        units, if the row names them
 * @param postedAt        when the marketplace or provider booked it, if the report says
 */
public record SettlementRow(long line, SettlementRowKind kind, String transactionType, String orderReference,
                            BigDecimal amount, String description, String transactionId, String sku,
                            Integer quantity, Instant postedAt) {
}
