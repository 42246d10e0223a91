package com.omniops.support.web;

/**
 * A stable {@code code} of a problem response and the HTTP status it is sent with. Both apps' vocabularies are enums
 * implementing this ({@link CommonErrorCode} for what the edge says in either app, the command side's rule codes, the
 * query side's codes), so a code carries its status wherever it is raised and the problem writer needs nothing else.
 * A code that appears in two vocabularies means the same status in both (a test checks it).
 */
public interface ErrorCode {

    /** The code as sent in the problem body, e.g. {@code NOT_FOUND}. */
    String name();

    int httpStatus();
}
