package com.omniops.projections.ledger;

import com.omniops.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of a journal entry: an account and an amount on one side. Amounts keep {@value Money#SCALE} decimals, the
 * precision of the stock valuation (a quantity times a moving-average cost is exact at that scale); reports round
 * only for display.
 */
public record JournalLine(String accountCode, BigDecimal debit, BigDecimal credit) {

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
        return amount.signum() >= 0 ? new JournalLine(account, amount, BigDecimal.ZERO)
                : new JournalLine(account, BigDecimal.ZERO, amount.negate());
    }

    /** {@code amount} on the credit side of {@code account}; a negative amount is that much on the debit side. */
    static JournalLine credit(String account, BigDecimal amount) {
        return debit(account, amount.negate());
    }

    boolean isZero() {
        return debit.signum() == 0 && credit.signum() == 0;
    }

    private static BigDecimal exact(BigDecimal amount) {
        // An amount with more decimals than the books keep is a bug upstream, not something to round away here.
        return Objects.requireNonNull(amount, "amount").setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
