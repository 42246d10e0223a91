-- Read model "channel stock availability" (processing group: availability).
-- Available-to-sell is computed at query time from these rows, so it can never drift from them.
-- Every row an event mutates keeps the sequence number of the last event of its aggregate applied to it; a handler
-- ignores an event whose sequence number is not above it (redelivery and replay are harmless).

-- Channel aggregate: the channel and its safety buffer.
CREATE TABLE availability_channel (
    channel_id    VARCHAR(100) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    safety_buffer INTEGER      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT availability_channel_pk PRIMARY KEY (channel_id)
);

-- Channel aggregate: the warehouses feeding a channel, in priority order (1 = first).
CREATE TABLE availability_channel_warehouse (
    channel_id    VARCHAR(100) NOT NULL,
    warehouse_id  VARCHAR(100) NOT NULL,
    priority      INTEGER      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT availability_channel_warehouse_pk PRIMARY KEY (channel_id, warehouse_id)
);
CREATE INDEX availability_channel_warehouse_wh_ix ON availability_channel_warehouse (warehouse_id);

-- Product aggregate: whether the SKU may still be sold.
CREATE TABLE availability_product (
    sku           VARCHAR(100) NOT NULL,
    active        BOOLEAN      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT availability_product_pk PRIMARY KEY (sku)
);

-- Product aggregate: on which channels the SKU is listed, under which channel SKU.
CREATE TABLE availability_listing (
    sku           VARCHAR(100) NOT NULL,
    channel_id    VARCHAR(100) NOT NULL,
    channel_sku   VARCHAR(255) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT availability_listing_pk PRIMARY KEY (sku, channel_id)
);
CREATE INDEX availability_listing_channel_ix ON availability_listing (channel_id, sku);

-- StockItem aggregate: the stock position of a SKU in a warehouse, as it stands after the last applied event.
CREATE TABLE availability_stock (
    sku           VARCHAR(100)             NOT NULL,
    warehouse_id  VARCHAR(100)             NOT NULL,
    on_hand       INTEGER                  NOT NULL,
    reserved      INTEGER                  NOT NULL,
    last_sequence BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT availability_stock_pk PRIMARY KEY (sku, warehouse_id)
);
