package com.omniops.events.settlement;

/**
 * What a settlement row is (docs/settlements.md "Kinds of line"). A row no rule knows is UNKNOWN: it is kept, posted
 * to suspense and shown as unmatched, never dropped.
 */
public enum SettlementRowKind {
    /** The item's price the buyer paid (Order / ItemPrice / Principal), or gave back (Refund / ...), or a charge. */
    PRINCIPAL,
    /** Tax on the item's price (ItemPrice / Tax). */
    TAX,
    /** Shipping the buyer paid (ItemPrice / Shipping), and its tax (ItemPrice / ShippingTax). */
    SHIPPING,
    /** The marketplace's referral commission (ItemFees / Commission). */
    COMMISSION,
    /** Fulfilment by the marketplace, per unit or per order (ItemFees / FBA...Fee). */
    FULFILMENT_FEE,
    /** A payment provider's processing fee (a payout report's fee column). */
    PAYMENT_FEE,
    /** Any other fee of an order or refund (ItemFees / ...). */
    OTHER_FEE,
    /** A promotion the merchant funded (Promotion / ...). */
    PROMOTION,
    /** What the marketplace holds back from this payout, or releases from an earlier one. */
    RESERVE,
    /** Storage fees, subscription fees and other account-level charges (transaction type other than an order). */
    ACCOUNT_FEE,
    /** No rule knows the row: suspense. */
    UNKNOWN;

    /** A row of the buyer's money (price, tax, shipping, promotion): the payment it settles is in the clearing account. */
    public boolean isSale() {
        return this == PRINCIPAL || this == TAX || this == SHIPPING || this == PROMOTION;
    }

    /** A fee charged per order, which replaces the fee the order recorded as an estimate. */
    public boolean isOrderFee() {
        return this == COMMISSION || this == FULFILMENT_FEE || this == PAYMENT_FEE || this == OTHER_FEE;
    }
}
