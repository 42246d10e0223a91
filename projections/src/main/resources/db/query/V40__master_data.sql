-- Read model "master-data" (processing group master-data): products with their channel listings, channels with
-- their rules and warehouses, and the stock items that exist, so people and integrations can discover master data.
-- Warehouses have no aggregate of their own: the API derives them from the channels' warehouses and the stock items.
-- Rows of an aggregate keep the sequence number of the last of its events applied, so replays change nothing.
-- (V40, not V32: a decade of its own, so parallel branches adding read-model migrations do not collide.)
CREATE TABLE master_product (
    sku                 VARCHAR(100) PRIMARY KEY,
    name                TEXT         NOT NULL,
    unit_of_measure     VARCHAR(32),
    tax_category        VARCHAR(64),
    status              VARCHAR(20)  NOT NULL,
    registered_at       TIMESTAMPTZ  NOT NULL,
    discontinued_at     TIMESTAMPTZ,
    discontinued_reason TEXT,
    last_sequence       BIGINT       NOT NULL
);
CREATE INDEX master_product_status_idx ON master_product (status, sku);

CREATE TABLE master_listing (
    sku           VARCHAR(100) NOT NULL,
    channel_id    VARCHAR(100) NOT NULL,
    channel_sku   VARCHAR(255) NOT NULL,
    listed_at     TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT master_listing_pk PRIMARY KEY (sku, channel_id)
);
CREATE INDEX master_listing_channel_idx ON master_listing (channel_id, sku);

CREATE TABLE master_channel (
    channel_id          VARCHAR(100) PRIMARY KEY,
    name                TEXT         NOT NULL,
    type                VARCHAR(20)  NOT NULL,
    allocation_strategy VARCHAR(20)  NOT NULL,
    backorders_allowed  BOOLEAN      NOT NULL,
    safety_buffer       INTEGER      NOT NULL,
    registered_at       TIMESTAMPTZ  NOT NULL,
    last_sequence       BIGINT       NOT NULL
);

-- The warehouses feeding a channel, in priority order (1 = first).
CREATE TABLE master_channel_warehouse (
    channel_id   VARCHAR(100) NOT NULL,
    warehouse_id VARCHAR(100) NOT NULL,
    priority     INTEGER      NOT NULL,
    CONSTRAINT master_channel_warehouse_pk PRIMARY KEY (channel_id, warehouse_id)
);
CREATE INDEX master_channel_warehouse_wh_idx ON master_channel_warehouse (warehouse_id);

-- A stock item exists from its first receipt on (StockReceived is always a stock item's first event).
CREATE TABLE master_stock_item (
    stock_item_id     VARCHAR(201) PRIMARY KEY,
    warehouse_id      VARCHAR(100) NOT NULL,
    sku               VARCHAR(100) NOT NULL,
    first_received_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX master_stock_item_wh_idx ON master_stock_item (warehouse_id);
