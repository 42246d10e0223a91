-- Read model "purchasing" (processing group purchasing): suppliers, purchase orders and their lines, from which
-- open (incoming) quantities are derived at query time.
CREATE TABLE purchasing_supplier (
    supplier_id            VARCHAR(64)   PRIMARY KEY,
    name                   VARCHAR(200)  NOT NULL,
    lead_time_mean_days    NUMERIC(7, 2) NOT NULL,
    lead_time_std_dev_days NUMERIC(7, 2) NOT NULL,
    minimum_order_quantity INTEGER       NOT NULL,
    currency               CHAR(3)       NOT NULL,
    registered_at          TIMESTAMPTZ   NOT NULL,
    last_sequence          BIGINT        NOT NULL
);

CREATE TABLE purchasing_order (
    purchase_order_id VARCHAR(64)  PRIMARY KEY,
    supplier_id       VARCHAR(64)  NOT NULL,
    warehouse_id      VARCHAR(64)  NOT NULL,
    currency          CHAR(3)      NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    origin            VARCHAR(20)  NOT NULL,
    expected_date     DATE         NOT NULL,
    confirmed_date    DATE,
    drafted_at        TIMESTAMPTZ  NOT NULL,
    submitted_at      TIMESTAMPTZ,
    last_received_at  TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    end_reason        VARCHAR(500),
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX purchasing_order_status_idx ON purchasing_order (status, expected_date);
CREATE INDEX purchasing_order_supplier_idx ON purchasing_order (supplier_id);

CREATE TABLE purchasing_order_line (
    purchase_order_id VARCHAR(64)    NOT NULL REFERENCES purchasing_order (purchase_order_id) ON DELETE CASCADE,
    line_no           INTEGER        NOT NULL,
    sku               VARCHAR(64)    NOT NULL,
    ordered           INTEGER        NOT NULL,
    confirmed         INTEGER,
    received          INTEGER        NOT NULL DEFAULT 0,
    unit_cost         NUMERIC(19, 4) NOT NULL,
    CONSTRAINT purchasing_order_line_pk PRIMARY KEY (purchase_order_id, line_no)
);
CREATE INDEX purchasing_order_line_sku_idx ON purchasing_order_line (sku);
