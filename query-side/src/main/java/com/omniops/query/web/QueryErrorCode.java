package com.omniops.query.web;

import com.omniops.support.web.CommonErrorCode;
import com.omniops.support.web.ErrorCode;

/**
 * Stable {@code code} values of the query API's problem responses, each with the status it is sent with. Codes the
 * edge answers in both apps (NOT_FOUND, METHOD_NOT_ALLOWED, ...) are app-support's {@link CommonErrorCode}.
 */
public enum QueryErrorCode implements ErrorCode {
    INVALID_PARAMETER(400),
    UNKNOWN_CHANNEL(404),
    ORDER_NOT_FOUND(404),
    UNKNOWN_STOCK_ITEM(404),
    REFUND_NOT_FOUND(404),
    TRANSFER_NOT_FOUND(404),
    SETTLEMENT_NOT_FOUND(404),
    PERIOD_NOT_FOUND(404),
    PRODUCT_NOT_FOUND(404),
    CHANNEL_NOT_FOUND(404),
    WAREHOUSE_NOT_FOUND(404),
    SUPPLIER_NOT_FOUND(404),
    REORDER_RULE_NOT_FOUND(404),
    AGGREGATE_NOT_FOUND(404),
    UNSUPPORTED_AGGREGATE_TYPE(422),
    PROCESSOR_NOT_FOUND(404),
    REPLAY_NOT_SUPPORTED(409),
    REBUILD_IN_PROGRESS(409),
    PROCESSOR_CLAIMED_ELSEWHERE(409),
    VERIFY_NOT_SUPPORTED(409),
    DEAD_LETTER_NOT_FOUND(404),
    JOURNAL_ENTRY_NOT_FOUND(404),
    ALERT_NOT_FOUND(404),
    COMMAND_SIDE_UNAVAILABLE(503),
    FEED_RESYNC_REQUIRED(410),
    FEED_REBUILDING(503);

    private final int httpStatus;

    QueryErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The code of a framework refusal (a Spring MVC {@code ErrorResponse}) when nothing more specific is known: the
     * query side has always answered those with the common code of 400, 404, 405, 406 and 415, and INTERNAL_ERROR
     * for any 5xx.
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 400, 404, 405, 406, 415 -> CommonErrorCode.forStatus(status);
            default -> status >= 500 ? CommonErrorCode.INTERNAL_ERROR.name() : "HTTP_" + status;
        };
    }
}
