-- Oversell risk by days of cover (the alerts policy, docs/kpis.md "Exception alerts"): units ordered per channel, SKU
-- and UTC day, so a judgement sums the channel's recent demand for a SKU over a window of day rows.
CREATE TABLE alert_channel_sku_day (
    channel_id VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    day        DATE        NOT NULL,
    units      INT         NOT NULL,
    CONSTRAINT alert_channel_sku_day_pk PRIMARY KEY (channel_id, sku, day)
);
