package com.omniops.query.order;

import com.omniops.projections.orderboard.OrderBoardStatus;

/** Order summaries, newest placed first; {@code channelId} and {@code status} are optional filters. */
public record ListOrders(String channelId, OrderBoardStatus status, int page, int size) {
}
