package com.omniops.projections.ledger;

import com.omniops.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of a journal entry: an account and an amount on one side. Amounts keep {@value Money#SCALE} decimals, the
 * precision of the stock valuation (a quantity times a moving-average cost is exact at that scale); reports round
 * only for display.
 *
 * @param sku     the SKU the line is about, when the entry's lines are about different SKUs (a shipment's revenue, tax
 *                and discount per order line); null: the entry's own SKU, if any
 * @param orderId the order the line is about, when the entry's lines are about different orders (a settlement's fees);
 *                null: the entry's own order, if any
 */
public record JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String sku, String orderId) {

    public JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String sku) {
        this(accountCode, debit, credit, sku, null);
    }

    public JournalLine {
        Objects.requireNonNull(accountCode, "accountCode");
        debit = exact(debit);
        credit = exact(credit);
        if (debit.signum() < 0 || credit.signum() < 0 || (debit.signum() > 0 && credit.signum() > 0)) {
            throw new IllegalArgumentException("a journal line is a debit or a credit, neither negative: " + debit
                    + " / " + credit + " on " + accountCode);
        }
    }

    /** {@code amount} on the debit side of {@code account}; a negative amount is that much on the credit side. */
    static JournalLine debit(String account, BigDecimal amount) {
        return debit(account, amount, null);
    }

    /** {@link #debit(String, BigDecimal)} about one SKU of the entry's. */
    static JournalLine debit(String account, BigDecimal amount, String sku) {
        return amount.signum() >= 0 ? new JournalLine(account, amount, BigDecimal.ZERO, sku)
                : new JournalLine(account, BigDecimal.ZERO, amount.negate(), sku);
    }

    /** {@code amount} on the credit side of {@code account}; a negative amount is that much on the debit side. */
    static JournalLine credit(String account, BigDecimal amount) {
        return debit(account, amount.negate(), null);
    }

    /** {@link #credit(String, BigDecimal)} about one SKU of the entry's. */
    static JournalLine credit(String account, BigDecimal amount, String sku) {
        return debit(account, amount.negate(), sku);
    }

    /** This line, about one order of the entry's. */
    JournalLine forOrder(String order) {
        return new JournalLine(accountCode, debit, credit, sku, order);
    }

    boolean isZero() {
        return debit.signum() == 0 && credit.signum() == 0;
    }

    private static BigDecimal exact(BigDecimal amount) {
        // An amount with more decimals than the books keep is a bug upstream, not something to round away here.
        return Objects.requireNonNull(amount, "amount").setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
