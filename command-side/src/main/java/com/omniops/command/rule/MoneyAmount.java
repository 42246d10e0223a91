package com.omniops.command.rule;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A money amount of a request body: within the range and scale every store of money holds ({@code Money.withinBounds}:
 * at most {@code Money.MAX_AMOUNT} in absolute value, at most {@code Money.SCALE} decimals). {@code null} is valid
 * (combine with {@code @NotNull}); the sign is left to {@code @DecimalMin}, the currency's own decimals to
 * {@link Inputs#requireMoney}. One constraint for every money field, so the bound is defined once, in the contract.
 */
@Documented
@Constraint(validatedBy = MoneyAmountValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface MoneyAmount {

    String message() default "must be an amount within the accepted range and scale";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
