package com.omniops.command.settlement.importing;

import java.util.Locale;

/**
 * What a settlement row is, from its transaction type, amount type and amount description (docs/settlements.md).
 * A row no rule knows is UNKNOWN: it is kept, posted to suspense and shown as unmatched, never dropped.
 */
public enum SettlementRowKind {
    /** The item's price the buyer paid (Order / ItemPrice / Principal). */
    PRINCIPAL,
    /** Tax on the item's price (ItemPrice / Tax). */
    TAX,
    /** Shipping the buyer paid (ItemPrice / Shipping), and its tax (ItemPrice / ShippingTax). */
    SHIPPING,
    /** The marketplace's referral commission (ItemFees / Commission). */
    COMMISSION,
    /** Fulfilment by the marketplace, per unit or per order (ItemFees / FBA...Fee). */
    FULFILMENT_FEE,
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

    /** The kind of a row, from its three type columns (case and surrounding blanks do not matter). */
    public static SettlementRowKind of(String transactionType, String amountType, String amountDescription) {
        String transaction = normal(transactionType);
        String type = normal(amountType);
        String description = normal(amountDescription);
        if (type.contains("reserve") || description.contains("reserve")) {
            return RESERVE;
        }
        if (transaction.equals("order") || transaction.equals("refund")) {
            return switch (type) {
                case "itemprice" -> switch (description) {
                    case "principal" -> PRINCIPAL;
                    case "tax" -> TAX;
                    case "shipping", "shippingtax" -> SHIPPING;
                    default -> UNKNOWN;
                };
                case "itemfees" -> description.equals("commission") ? COMMISSION
                        : description.startsWith("fba") || description.contains("fulfil")
                        || description.contains("fulfill") ? FULFILMENT_FEE : OTHER_FEE;
                case "promotion" -> PROMOTION;
                default -> UNKNOWN;
            };
        }
        if (description.contains("storage") || description.contains("subscription") || type.contains("fee")) {
            return ACCOUNT_FEE;
        }
        return UNKNOWN;
    }

    private static String normal(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
