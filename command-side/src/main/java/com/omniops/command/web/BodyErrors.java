package com.omniops.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.omniops.support.web.BusinessDates;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a request body Jackson could parse as JSON but not bind (a bad enum value, a fraction for a whole number, a
 * string for a date, a date out of range) into the field's path and a message a person can act on, in the shape of a
 * failed Bean Validation: {@code {field: "lines[0].reason", message: "must be one of DAMAGED, ..."}}. Broken JSON
 * (syntax, truncation, something after the object) has no field to blame and stays a malformed request. Jackson's
 * own messages are never passed on: they name Java classes.
 */
final class BodyErrors {

    private BodyErrors() {
    }

    static Optional<Map<String, String>> fieldError(Throwable failure) {
        JsonMappingException binding = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return Optional.empty(); // a syntax error, even when Jackson met it inside a field
            }
            if (binding == null && t instanceof JsonMappingException mapping) {
                binding = mapping;
            }
        }
        if (binding == null || binding.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = path(binding);
        return field.isEmpty() ? Optional.empty() : Optional.of(Map.of("field", field, "message", message(binding)));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException) {
            return "must be a whole number within the accepted range";
        }
        if (e instanceof ValueInstantiationException) {
            return "is invalid";
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return "is invalid";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class || type == Instant.class) {
            return BusinessDates.RANGE_MESSAGE;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
