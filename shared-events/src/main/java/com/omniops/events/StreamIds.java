package com.omniops.events;

/**
 * How aggregate stream ids are formed (part of the stored contract: auditors and read models look streams up by them).
 * All aggregates share one event table, so ids must not collide across types: codes people choose freely get a type
 * prefix with '~', which codes may not contain. Products use the SKU itself; stock items "warehouse:sku"; orders,
 * refunds and purchase orders generated ids.
 */
public final class StreamIds {

    private StreamIds() {
    }

    public static String channel(String channelId) {
        return "channel~" + channelId;
    }

    public static String supplier(String supplierId) {
        return "supplier~" + supplierId;
    }

    public static String reorderRule(String stockItemId) {
        return "rule~" + stockItemId;
    }

    /** A transfer's stream: its generated id with a type prefix (the transfer's own id stays in its events). */
    public static String transfer(String transferId) {
        return "transfer~" + transferId;
    }

    /** A settlement's stream: its id ({@code <channel>~<report id>}) with a type prefix. */
    public static String settlement(String settlementId) {
        return "settlement~" + settlementId;
    }

    /** An accounting period's stream: its month ({@code yyyy-MM}) with a type prefix. */
    public static String period(String period) {
        return "period~" + period;
    }

    /**
     * An alert's id: its type and subject joined by '~' (codes cannot contain it, so no two subjects share an id),
     * e.g. {@code DELAYED_FULFILMENT~<order id>} or {@code OVERSELL_RISK~WEB~SKU-1001}. One alert per type and subject.
     */
    public static String alertId(com.omniops.events.alert.AlertType type, String... subject) {
        return type.name() + "~" + String.join("~", subject);
    }

    /** An alert's stream: its id with a type prefix. */
    public static String alert(String alertId) {
        return "alert~" + alertId;
    }

    public static String stockItem(String warehouseId, String sku) {
        return warehouseId + ":" + sku;
    }
}
