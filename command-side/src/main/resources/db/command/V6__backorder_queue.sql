-- Order lines waiting for stock, in the order they are to be served: promised ship date, then placement time.
-- Written in the same transactions as the events that create, fill and cancel backorders.
CREATE TABLE backorder_queue (
    order_id      VARCHAR(64)  NOT NULL,
    line_no       INTEGER      NOT NULL,
    sku           VARCHAR(64)  NOT NULL,
    warehouses    VARCHAR(64)[] NOT NULL,
    quantity      INTEGER      NOT NULL CHECK (quantity > 0),
    promised_date DATE         NOT NULL,
    placed_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT backorder_queue_pk PRIMARY KEY (order_id, line_no)
);
CREATE INDEX backorder_queue_sku_idx ON backorder_queue (sku, promised_date, placed_at);
