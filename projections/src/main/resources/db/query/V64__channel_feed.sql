-- Read model "channel feed" (processing group: channel-feed): the available-to-sell changes of each channel's
-- listings, in the order the processor applied them, for channel connectors that poll
-- GET /api/channels/{channel}/availability/changes?after=<cursor> (docs/channels.md).
-- The processor keeps its own copy of what available-to-sell depends on (channels, their warehouses, products,
-- listings, stock positions) so it can tell when a figure changes; the figures follow StockPosition, the same one
-- definition the availability read model uses.

-- Bumped by every reset of the read model (a rebuild): a cursor names the epoch it was taken in, and one from an
-- earlier epoch is answered "resync" (410) instead of being read against a log that was rebuilt.
CREATE SEQUENCE channel_feed_epoch;
SELECT nextval('channel_feed_epoch'); -- epoch 1; a reset's nextval then gives 2

-- Channel aggregate: its safety buffer and how many changes its log holds (the last change_no handed out).
CREATE TABLE feed_channel (
    channel_id    VARCHAR(100) NOT NULL,
    safety_buffer INTEGER      NOT NULL,
    change_count  BIGINT       NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT feed_channel_pk PRIMARY KEY (channel_id)
);

CREATE TABLE feed_channel_warehouse (
    channel_id   VARCHAR(100) NOT NULL,
    warehouse_id VARCHAR(100) NOT NULL,
    CONSTRAINT feed_channel_warehouse_pk PRIMARY KEY (channel_id, warehouse_id)
);
CREATE INDEX feed_channel_warehouse_wh_ix ON feed_channel_warehouse (warehouse_id);

-- Product aggregate: whether the SKU may still be sold.
CREATE TABLE feed_product (
    sku           VARCHAR(100) NOT NULL,
    active        BOOLEAN      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT feed_product_pk PRIMARY KEY (sku)
);

-- A listing and the figure its feed last published (what a connector that applied every change now shows).
CREATE TABLE feed_listing (
    channel_id        VARCHAR(100) NOT NULL,
    sku               VARCHAR(100) NOT NULL,
    channel_sku       VARCHAR(255) NOT NULL,
    active            BOOLEAN      NOT NULL,
    available_to_sell INTEGER      NOT NULL,
    CONSTRAINT feed_listing_pk PRIMARY KEY (channel_id, sku)
);
CREATE INDEX feed_listing_sku_ix ON feed_listing (sku);

-- StockItem aggregate: the stock position of a SKU in a warehouse after the last applied event.
CREATE TABLE feed_stock (
    sku           VARCHAR(100) NOT NULL,
    warehouse_id  VARCHAR(100) NOT NULL,
    on_hand       INTEGER      NOT NULL,
    reserved      INTEGER      NOT NULL,
    quarantine    INTEGER      NOT NULL,
    refurbishment INTEGER      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT feed_stock_pk PRIMARY KEY (sku, warehouse_id)
);

-- The log: one row per change of a listing's available-to-sell (or of whether it is still sold), numbered per channel
-- in the order applied. previous is NULL for the row that lists a SKU on the channel.
CREATE TABLE feed_change (
    channel_id        VARCHAR(100)             NOT NULL,
    change_no         BIGINT                   NOT NULL,
    sku               VARCHAR(100)             NOT NULL,
    channel_sku       VARCHAR(255)             NOT NULL,
    active            BOOLEAN                  NOT NULL,
    available_to_sell INTEGER                  NOT NULL,
    previous          INTEGER,
    cause             VARCHAR(100)             NOT NULL,
    global_index      BIGINT                   NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT feed_change_pk PRIMARY KEY (channel_id, change_no)
);
