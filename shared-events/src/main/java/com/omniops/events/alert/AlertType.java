package com.omniops.events.alert;

/**
 * What an alert is about; each type has one rule, stated in docs/kpis.md "Exception alerts", and one kind of subject
 * (the part of the alert's id after the type).
 */
public enum AlertType {
    /** An order not fully shipped when its promised ship date has ended (UTC); subject: the order. */
    DELAYED_FULFILMENT,
    /** A channel's available-to-sell of a listed SKU below the alert threshold; subject: channel and SKU. */
    OVERSELL_RISK,
    /** A SKU's recent return rate well above its own baseline (the rule in docs/kpis.md); subject: the SKU. */
    UNUSUAL_RETURN_RATE,
    /** A supplier's recent orders arriving later than it promised (the rule in docs/kpis.md); subject: the supplier. */
    SUPPLIER_LEAD_TIME_DRIFT,
    /**
     * An order's gross margin, or a channel's SKU's over the recent days, under a threshold (the rule in
     * docs/kpis.md); subject: {@code order~<orderId>} or {@code sku~<channelId>~<sku>}.
     */
    MARGIN_EROSION
}
