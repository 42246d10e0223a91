package com.omniops.projections.settlements;

import com.omniops.events.settlement.SettlementRowKind;

/** Whether a settlement row is tied to what it settles (docs/settlements.md "Matching"). */
public enum MatchState {
    /** A row of an order (sale, fee, refund) whose order is known. */
    MATCHED,
    /** A row naming an order reference no order of the channel has (yet): matched when one arrives. */
    UNKNOWN_ORDER,
    /** A row of an order-level kind that names no order. */
    NO_ORDER,
    /** A row of the account, not of an order (a reserve, a storage or subscription fee): nothing to match. */
    ACCOUNT,
    /** A row no rule knows (UNKNOWN kind): in suspense until finance explains it. */
    SUSPENSE;

    /** The state of a new row; {@code orderKnown} says whether its reference names a known order. */
    public static MatchState of(SettlementRowKind kind, String orderReference, boolean orderKnown) {
        return switch (kind) {
            case UNKNOWN -> SUSPENSE;
            case RESERVE, ACCOUNT_FEE -> ACCOUNT;
            case PRINCIPAL, TAX, SHIPPING, PROMOTION, COMMISSION, FULFILMENT_FEE, PAYMENT_FEE, OTHER_FEE ->
                    orderReference == null ? NO_ORDER : orderKnown ? MATCHED : UNKNOWN_ORDER;
        };
    }

    /** Whether finance has something to do about the row. */
    public boolean unmatched() {
        return this == UNKNOWN_ORDER || this == NO_ORDER || this == SUSPENSE;
    }
}
