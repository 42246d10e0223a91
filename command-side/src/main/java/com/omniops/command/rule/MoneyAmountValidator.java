package com.omniops.command.rule;

import com.omniops.events.Money;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

/** Checks {@link MoneyAmount} with {@link Money#withinBounds}, saying which of range or scale was broken. */
public class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, BigDecimal> {

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        if (value == null || Money.withinBounds(value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(Inputs.moneyBoundsMessage(value)).addConstraintViolation();
        return false;
    }
}
