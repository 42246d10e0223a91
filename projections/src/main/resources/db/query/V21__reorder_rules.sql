-- Read model "reorder-rules": the replenishment rule of each stock item, for the recommendations API.
CREATE TABLE reorder_rule_view (
    stock_item_id VARCHAR(130)  PRIMARY KEY,
    sku           VARCHAR(64)   NOT NULL,
    warehouse_id  VARCHAR(64)   NOT NULL,
    supplier_id   VARCHAR(64)   NOT NULL,
    method        VARCHAR(20)   NOT NULL,
    min_qty       INTEGER       NOT NULL,
    max_qty       INTEGER       NOT NULL,
    multiple      INTEGER       NOT NULL,
    service_level NUMERIC(6, 4),
    auto_submit   BOOLEAN       NOT NULL,
    set_at        TIMESTAMPTZ   NOT NULL,
    last_sequence BIGINT        NOT NULL
);
CREATE INDEX reorder_rule_view_warehouse_idx ON reorder_rule_view (warehouse_id, sku);
