package com.omniops.command.order;

import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any line on a gross or a net channel, net + tax = gross; the price is the gross on a gross channel and the net
 * on a net one; and the order's amounts are the sums of its lines plus the shipping charge, which carries no tax.
 */
class OrderAmountsProperties {

    @Property
    void netPlusTaxIsGrossForEveryLineAndTheOrder(@ForAll("lines") List<OrderLine> lines,
                                                  @ForAll boolean pricesIncludeTax,
                                                  @ForAll("amounts") BigDecimal shipping) {
        OrderAmounts amounts = OrderAmounts.of(lines, shipping, pricesIncludeTax);

        BigDecimal grossOfLines = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            OrderAmounts.Line value = amounts.forLine(line.lineNo());
            assertThat(value.net().add(value.tax())).isEqualByComparingTo(value.gross());
            assertThat(value.tax()).isEqualByComparingTo(line.taxAmount());
            BigDecimal price = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))
                    .subtract(line.discount());
            assertThat(pricesIncludeTax ? value.gross() : value.net()).isEqualByComparingTo(price);
            grossOfLines = grossOfLines.add(value.gross());
        }
        assertThat(amounts.net().add(amounts.tax())).isEqualByComparingTo(amounts.gross());
        assertThat(amounts.gross()).isEqualByComparingTo(grossOfLines.add(shipping));
    }

    @Provide
    Arbitrary<List<OrderLine>> lines() {
        Arbitrary<OrderLine> line = Combinators.combine(Arbitraries.integers().between(1, 1000), amounts(),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100))
                .as((quantity, unitPrice, discountPercent, taxPercent) -> {
                    BigDecimal price = unitPrice.multiply(BigDecimal.valueOf(quantity));
                    BigDecimal discount = percentOf(price, discountPercent);
                    BigDecimal tax = percentOf(price.subtract(discount), taxPercent);
                    return new OrderLine(0, "SKU", quantity, unitPrice, discount, tax);
                });
        return line.list().ofMinSize(1).ofMaxSize(20).map(generated -> {
            List<OrderLine> numbered = new ArrayList<>();
            for (int i = 0; i < generated.size(); i++) {
                OrderLine l = generated.get(i);
                numbered.add(new OrderLine(i + 1, l.sku(), l.quantity(), l.unitPrice(), l.discount(), l.taxAmount()));
            }
            return numbered;
        });
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2,
                java.math.RoundingMode.DOWN);
    }
}
