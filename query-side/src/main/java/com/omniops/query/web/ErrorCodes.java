package com.omniops.query.web;

/** Stable {@code code} values of the query API's problem responses. */
public final class ErrorCodes {

    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    public static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String UNKNOWN_STOCK_ITEM = "UNKNOWN_STOCK_ITEM";
    public static final String REFUND_NOT_FOUND = "REFUND_NOT_FOUND";
    public static final String TRANSFER_NOT_FOUND = "TRANSFER_NOT_FOUND";
    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String CHANNEL_NOT_FOUND = "CHANNEL_NOT_FOUND";
    public static final String WAREHOUSE_NOT_FOUND = "WAREHOUSE_NOT_FOUND";
    public static final String SUPPLIER_NOT_FOUND = "SUPPLIER_NOT_FOUND";
    public static final String REORDER_RULE_NOT_FOUND = "REORDER_RULE_NOT_FOUND";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String AGGREGATE_NOT_FOUND = "AGGREGATE_NOT_FOUND";
    public static final String UNSUPPORTED_AGGREGATE_TYPE = "UNSUPPORTED_AGGREGATE_TYPE";
    public static final String PROCESSOR_NOT_FOUND = "PROCESSOR_NOT_FOUND";
    public static final String REPLAY_NOT_SUPPORTED = "REPLAY_NOT_SUPPORTED";
    public static final String REBUILD_IN_PROGRESS = "REBUILD_IN_PROGRESS";
    public static final String PROCESSOR_CLAIMED_ELSEWHERE = "PROCESSOR_CLAIMED_ELSEWHERE";
    public static final String VERIFY_NOT_SUPPORTED = "VERIFY_NOT_SUPPORTED";
    public static final String DEAD_LETTER_NOT_FOUND = "DEAD_LETTER_NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }

    /** The code for a status when nothing more specific is known. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : "HTTP_" + status;
        };
    }
}
