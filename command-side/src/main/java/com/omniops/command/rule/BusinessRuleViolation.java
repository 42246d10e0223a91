package com.omniops.command.rule;

import java.util.Map;

/**
 * The one domain exception: a named rule was broken. The message is written for the person who sent the command;
 * {@code details} carries structured facts (e.g. which lines were short) for clients.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public BusinessRuleViolation(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public BusinessRuleViolation(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Throws unless the rule holds; keeps decision code reading as a list of named rules. */
    public static void require(boolean rule, ErrorCode code, String message) {
        if (!rule) {
            throw new BusinessRuleViolation(code, message);
        }
    }
}
