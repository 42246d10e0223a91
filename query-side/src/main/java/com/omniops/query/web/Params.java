package com.omniops.query.web;

import java.util.Arrays;
import java.util.Locale;

/** Optional request parameters: blank means absent; a value outside a fixed set is refused with INVALID_PARAMETER. */
public final class Params {

    private Params() {
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static String oneOf(String name, String value, String... allowed) {
        String given = optional(value);
        if (given == null) {
            return null;
        }
        String upper = given.toUpperCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(upper)) {
            throw ApiException.invalidParameter(name + " must be one of " + Arrays.toString(allowed) + ", got '"
                    + value + "'");
        }
        return upper;
    }

    public static <E extends Enum<E>> String oneOf(String name, String value, Class<E> values) {
        return oneOf(name, value, Arrays.stream(values.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }
}
