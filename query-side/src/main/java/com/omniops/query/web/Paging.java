package com.omniops.query.web;

import com.omniops.projections.support.Page;

/** Checks the {@code page}/{@code size} request parameters. */
public final class Paging {

    private Paging() {
    }

    public static Page of(int page, int size) {
        if (page < 0) {
            throw ApiException.invalidParameter("page must be 0 or more (it is 0-based), got " + page);
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw ApiException.invalidParameter("size must be between 1 and " + Page.MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // the row offset would overflow (it used to surface as a 500)
            throw ApiException.invalidParameter("page is too large: page × size must stay below "
                    + Integer.MAX_VALUE + ", got " + page);
        }
        return new Page(page, size);
    }
}
