-- Read model "kpis", suppliers (docs/kpis.md "Supplier on-time-in-full and lead time"): per purchase order and line
-- what the supplier KPIs need, and counters per supplier and UTC day so a KPI query sums days, never the history.

-- One row per purchase order. Its contribution to the supplier's days is recomputed from this row and its lines after
-- every event (the projector takes the old one out and puts the new one in).
CREATE TABLE kpi_purchase_order (
    purchase_order_id  VARCHAR(100)  PRIMARY KEY,
    supplier_id        VARCHAR(100)  NOT NULL,
    submitted_day      DATE,                              -- UTC day it was sent to the supplier
    expected_date      DATE          NOT NULL,            -- asked for at drafting (today + the supplier's lead time)
    confirmed_date     DATE,                              -- the supplier's promise, as last confirmed (null: none)
    received_day       DATE,                              -- UTC day the last confirmed unit arrived
    cancelled          BOOLEAN       NOT NULL DEFAULT FALSE,
    last_sequence      BIGINT        NOT NULL
);

CREATE TABLE kpi_purchase_order_line (
    purchase_order_id  VARCHAR(100)  NOT NULL,
    line_no            INT           NOT NULL,
    sku                VARCHAR(100)  NOT NULL,
    ordered            INT           NOT NULL,
    confirmed          INT,                               -- null until the supplier confirms
    received           INT           NOT NULL DEFAULT 0,
    in_full_day        DATE,                              -- UTC day the received units reached the expected ones
    PRIMARY KEY (purchase_order_id, line_no)
);

-- Per supplier and day: lines due on that day (the promised date) and how many were received in full by it; purchase
-- orders received in full that day with the sum of their actual and promised lead times in days.
CREATE TABLE kpi_supplier_day (
    supplier_id           VARCHAR(100)  NOT NULL,
    day                   DATE          NOT NULL,
    lines_due             INT           NOT NULL DEFAULT 0,
    lines_on_time_in_full INT           NOT NULL DEFAULT 0,
    orders_received       INT           NOT NULL DEFAULT 0,
    actual_lead_days      BIGINT        NOT NULL DEFAULT 0,
    promised_lead_days    BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (supplier_id, day)
);
