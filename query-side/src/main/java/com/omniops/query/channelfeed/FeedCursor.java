package com.omniops.query.channelfeed;

import com.omniops.query.web.RequestParams;

/**
 * A position in a channel's feed as the API hands it out, {@code <epoch>-<changeNo>}: the epoch of the log (bumped
 * by every rebuild) and the last change the holder has seen. Clients treat it as opaque.
 */
record FeedCursor(long epoch, long changeNo) {

    static FeedCursor parse(String parameter, String text) {
        int dash = text.indexOf('-');
        try {
            if (dash > 0 && text.length() <= 40) {
                FeedCursor cursor = new FeedCursor(Long.parseLong(text.substring(0, dash)),
                        Long.parseLong(text.substring(dash + 1)));
                if (cursor.epoch() > 0 && cursor.changeNo() >= 0) {
                    return cursor;
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RequestParams.invalid(parameter, "Parameter '" + parameter + "' must be a cursor this feed handed "
                + "out (e.g. 1-42).");
    }

    @Override
    public String toString() {
        return epoch + "-" + changeNo;
    }
}
