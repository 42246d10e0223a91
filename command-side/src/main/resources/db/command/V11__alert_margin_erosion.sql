-- Margin erosion (MarginErosionCheck, docs/kpis.md "Exception alerts"): the orders and channel SKUs the check raised
-- an alert for and has not yet seen recover, so a later check resolves exactly those. One row per alert.
CREATE TABLE alert_margin_erosion (
    alert_id   VARCHAR(300) PRIMARY KEY,
    order_id   VARCHAR(100),
    channel_id VARCHAR(100),
    sku        VARCHAR(100),
    CONSTRAINT alert_margin_erosion_subject CHECK ((order_id IS NULL) <> (sku IS NULL))
);
