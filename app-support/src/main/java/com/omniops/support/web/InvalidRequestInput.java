package com.omniops.support.web;

/**
 * A path variable or query parameter refused before any handler ran ({@link RequestInputGuard}). Each app maps it to
 * its 400 problem naming the parameter (command side VALIDATION_FAILED, query side INVALID_PARAMETER).
 */
public class InvalidRequestInput extends RuntimeException {

    private final String parameter;

    public InvalidRequestInput(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the path variable or query parameter. */
    public String parameter() {
        return parameter;
    }

    /** "Parameter 'x' must ...", for the problem's detail. */
    public String detail() {
        return "Parameter '" + parameter + "' " + getMessage() + ".";
    }
}
