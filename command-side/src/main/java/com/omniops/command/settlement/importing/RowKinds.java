package com.omniops.command.settlement.importing;

import com.omniops.events.settlement.SettlementRowKind;

import java.util.Locale;

import static com.omniops.events.settlement.SettlementRowKind.ACCOUNT_FEE;
import static com.omniops.events.settlement.SettlementRowKind.COMMISSION;
import static com.omniops.events.settlement.SettlementRowKind.FULFILMENT_FEE;
import static com.omniops.events.settlement.SettlementRowKind.OTHER_FEE;
import static com.omniops.events.settlement.SettlementRowKind.PRINCIPAL;
import static com.omniops.events.settlement.SettlementRowKind.PROMOTION;
import static com.omniops.events.settlement.SettlementRowKind.RESERVE;
import static com.omniops.events.settlement.SettlementRowKind.SHIPPING;
import static com.omniops.events.settlement.SettlementRowKind.TAX;
import static com.omniops.events.settlement.SettlementRowKind.UNKNOWN;

/** The kind of a marketplace report's row, from its three type columns (docs/settlements.md "Kinds of line"). */
public final class RowKinds {

    private RowKinds() {
    }

    /** Case and blanks do not matter; a row no rule knows is UNKNOWN. */
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
