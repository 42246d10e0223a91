-- Read model "kpis": in-stock rate and stockouts per channel (docs/kpis.md "In-stock rate and stockouts"). The model
-- keeps its own copy of what a channel may sell of each SKU it lists (StockPosition.availableToSell over the channel's
-- warehouses, less its safety buffer), whether that is above zero, and per channel and UTC day how many SKUs it lists
-- and how many of them it could sell at the end of the day, and how many ran out during it.

CREATE TABLE kpi_channel (
    channel_id     VARCHAR(100)  PRIMARY KEY,
    safety_buffer  INT           NOT NULL
);

CREATE TABLE kpi_channel_warehouse (
    channel_id    VARCHAR(100)  NOT NULL,
    warehouse_id  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (channel_id, warehouse_id)
);
CREATE INDEX kpi_channel_warehouse_warehouse ON kpi_channel_warehouse (warehouse_id);

-- A SKU a channel lists; counted while the product is not discontinued.
CREATE TABLE kpi_listing (
    channel_id    VARCHAR(100)  NOT NULL,
    sku           VARCHAR(100)  NOT NULL,
    in_stock      BOOLEAN       NOT NULL,   -- available-to-sell > 0 after the last change
    discontinued  BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (channel_id, sku)
);
CREATE INDEX kpi_listing_sku ON kpi_listing (sku);

CREATE TABLE kpi_sku_stock (
    sku            VARCHAR(100)  NOT NULL,
    warehouse_id   VARCHAR(100)  NOT NULL,
    on_hand        INT           NOT NULL,
    reserved       INT           NOT NULL,
    quarantine     INT           NOT NULL,
    refurbishment  INT           NOT NULL,
    PRIMARY KEY (sku, warehouse_id)
);

CREATE TABLE kpi_channel_stock_day (
    channel_id    VARCHAR(100)  NOT NULL,
    day           DATE          NOT NULL,
    listed_end    INT           NOT NULL,             -- SKUs listed (not discontinued) at the end of the day
    in_stock_end  INT           NOT NULL,             -- of those, with available-to-sell > 0 then
    stockouts     INT           NOT NULL DEFAULT 0,   -- listed SKUs whose available-to-sell fell to 0 during the day
    PRIMARY KEY (channel_id, day)
);
