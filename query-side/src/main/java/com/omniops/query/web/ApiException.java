package com.omniops.query.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the stable error {@code code} clients can rely on. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException invalidParameter(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_PARAMETER, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
