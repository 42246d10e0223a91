package com.omniops.query.audit.state;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import java.time.Instant;

/** The business instant an event records (placedAt, shippedAt, ...), as opposed to when it was stored. */
public final class BusinessTime {

    private BusinessTime() {
    }

    /** Null for an event type this class does not know yet (such events never cut a history short). */
    public static Instant of(Object event) {
        if (event instanceof ChannelRegistered e) {
            return e.registeredAt();
        }
        if (event instanceof ProductRegistered e) {
            return e.registeredAt();
        }
        if (event instanceof ProductListedOnChannel e) {
            return e.listedAt();
        }
        if (event instanceof ProductDiscontinued e) {
            return e.discontinuedAt();
        }
        if (event instanceof StockReceived e) {
            return e.receivedAt();
        }
        if (event instanceof StockReserved e) {
            return e.reservedAt();
        }
        if (event instanceof StockReservationReleased e) {
            return e.releasedAt();
        }
        if (event instanceof StockIssued e) {
            return e.issuedAt();
        }
        if (event instanceof StockAdjusted e) {
            return e.adjustedAt();
        }
        if (event instanceof OrderPlaced e) {
            return e.placedAt();
        }
        if (event instanceof OrderCancelled e) {
            return e.cancelledAt();
        }
        if (event instanceof OrderShipped e) {
            return e.shippedAt();
        }
        if (event instanceof OrderDelivered e) {
            return e.deliveredAt();
        }
        return null;
    }
}
