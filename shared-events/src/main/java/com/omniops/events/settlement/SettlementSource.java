package com.omniops.events.settlement;

/** Which report a settlement was imported from. */
public enum SettlementSource {
    /** A marketplace's settlement report (V2 flat file): sales, fees, refunds, reserves of a period. */
    MARKETPLACE_REPORT,
    /** A payment provider's payout report (CSV): the charges, refunds and fees of one payout. */
    PAYOUT_REPORT
}
