-- Command-side lookup tables: set validation that a single aggregate cannot do (uniqueness across aggregates).
-- Each row is written in the same transaction as the events it mirrors, so they can never disagree.

CREATE TABLE product_registry (
    sku          VARCHAR(64) PRIMARY KEY,
    discontinued BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE TABLE channel_registry (
    channel_id VARCHAR(64) PRIMARY KEY
);

-- A channel SKU (listing id) identifies one product on one channel, and a product has one listing per channel.
CREATE TABLE channel_listing (
    channel_id  VARCHAR(64) NOT NULL REFERENCES channel_registry (channel_id),
    channel_sku VARCHAR(64) NOT NULL,
    sku         VARCHAR(64) NOT NULL REFERENCES product_registry (sku),
    CONSTRAINT channel_listing_pk PRIMARY KEY (channel_id, channel_sku),
    CONSTRAINT channel_listing_one_per_sku UNIQUE (channel_id, sku)
);

-- Which stock items exist, so order placement loads only real ones (in id order, which is also the lock order).
CREATE TABLE stock_item_registry (
    warehouse_id VARCHAR(64) NOT NULL,
    sku          VARCHAR(64) NOT NULL,
    CONSTRAINT stock_item_registry_pk PRIMARY KEY (warehouse_id, sku)
);
CREATE INDEX stock_item_registry_sku_idx ON stock_item_registry (sku);

-- (channel, channel order reference) identifies an order: a channel re-sending an order gets the existing one back.
CREATE TABLE order_reference (
    channel_id        VARCHAR(64)  NOT NULL,
    channel_order_ref VARCHAR(128) NOT NULL,
    order_id          VARCHAR(64)  NOT NULL UNIQUE,
    CONSTRAINT order_reference_pk PRIMARY KEY (channel_id, channel_order_ref)
);

-- Idempotency-Key support: the first response to a key is replayed for the same request, refused for another.
CREATE TABLE idempotency_key (
    idem_key      VARCHAR(255) PRIMARY KEY,
    request_hash  VARCHAR(64)  NOT NULL,
    status_code   INTEGER,
    content_type  VARCHAR(255),
    response_body BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ
);
