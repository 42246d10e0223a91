package com.omniops.projections.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/** One account of the chart: a stable code (what journal lines name), a name for people and its type. */
public record Account(String code, String name, AccountType type) {

    /** Codes are short and printable: digits, letters, dot and dash (e.g. 1300, 4000.WEB). */
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,15}");

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type of account " + code);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("account code '" + code + "' must be 1 to 16 letters, digits, '.' or"
                    + " '-'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("account " + code + " needs a name");
        }
    }
}
