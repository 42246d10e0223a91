package com.omniops.projections.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the exchange-rate table ({@code omniops.ledger.exchange-rates}): from business date {@code from}
 * (inclusive) until the next row of the same currency, one unit of {@code currency} is worth {@code rate} units of the
 * company currency.
 */
public record ExchangeRate(String currency, LocalDate from, BigDecimal rate) {
}
