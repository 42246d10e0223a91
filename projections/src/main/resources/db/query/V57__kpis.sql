-- Read model "kpis" (docs/kpis.md): operations KPIs kept as counters per channel and UTC day, so a KPI query sums
-- the days it asks for and never scans the history.

-- One row per order: what the KPIs need to know of it, and what it contributes to its days (an order's contribution
-- to the day it was delivered changes when a return names damage or a wrong item; the projector takes the old
-- contribution out and puts the new one in).
CREATE TABLE kpi_order (
    order_id             VARCHAR(100)  PRIMARY KEY,
    channel_id           VARCHAR(100)  NOT NULL,
    placed_at            TIMESTAMPTZ  NOT NULL,
    placed_day           DATE         NOT NULL,
    promised_ship_date   DATE,
    lines_ordered        INT          NOT NULL,
    lines_filled         INT          NOT NULL,   -- lines fully reserved at placement
    units_ordered        INT          NOT NULL,
    units_filled         INT          NOT NULL,   -- units reserved at placement
    units_shipped        INT          NOT NULL DEFAULT 0,
    shipments            INT          NOT NULL DEFAULT 0,
    shipments_delivered  INT          NOT NULL DEFAULT 0,
    shipped_late         BOOLEAN      NOT NULL DEFAULT FALSE,   -- a shipment left after the promised ship date
    cancelled            BOOLEAN      NOT NULL DEFAULT FALSE,
    damaged              BOOLEAN      NOT NULL DEFAULT FALSE,   -- a return line DAMAGED or DEFECTIVE
    wrong_item           BOOLEAN      NOT NULL DEFAULT FALSE,   -- a return line WRONG_ITEM
    last_delivered_at    TIMESTAMPTZ,
    delivered_at         TIMESTAMPTZ,                           -- set once every unit is shipped and delivered
    delivered_day        DATE,
    last_sequence        BIGINT       NOT NULL
);
CREATE INDEX kpi_order_channel_delivered ON kpi_order (channel_id, delivered_day);
CREATE INDEX kpi_order_channel_placed ON kpi_order (channel_id, placed_day);

-- Counters per channel and day: placement figures on the day an order was placed, delivery figures on the day its
-- last shipment was delivered.
CREATE TABLE kpi_channel_day (
    channel_id              VARCHAR(100)  NOT NULL,
    day                     DATE         NOT NULL,
    orders_placed           INT          NOT NULL DEFAULT 0,
    lines_ordered           INT          NOT NULL DEFAULT 0,
    lines_filled            INT          NOT NULL DEFAULT 0,
    units_ordered           BIGINT       NOT NULL DEFAULT 0,
    units_filled            BIGINT       NOT NULL DEFAULT 0,
    orders_delivered        INT          NOT NULL DEFAULT 0,
    on_time                 INT          NOT NULL DEFAULT 0,
    shipped_complete        INT          NOT NULL DEFAULT 0,
    damage_free             INT          NOT NULL DEFAULT 0,
    documentation_accurate  INT          NOT NULL DEFAULT 0,
    perfect                 INT          NOT NULL DEFAULT 0,
    cycle_seconds           BIGINT       NOT NULL DEFAULT 0,    -- sum of placed → delivered over orders_delivered
    units_shipped           BIGINT       NOT NULL DEFAULT 0,    -- ship cohort: units shipped that day
    units_returned          BIGINT       NOT NULL DEFAULT 0,    -- of those, units the customers asked to return
    PRIMARY KEY (channel_id, day)
);

-- The UTC day each order line last shipped on: a returned unit counts against the cohort of the day it shipped.
CREATE TABLE kpi_order_line (
    order_id     VARCHAR(100)  NOT NULL,
    line_no      INT           NOT NULL,
    shipped_day  DATE          NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Order cycle times of the orders delivered on a day, in whole hours (rounded down): the percentiles of any range of
-- days come from summing these.
CREATE TABLE kpi_cycle_hours (
    channel_id  VARCHAR(100)  NOT NULL,
    day         DATE         NOT NULL,
    hours       INT          NOT NULL,
    orders      INT          NOT NULL,
    PRIMARY KEY (channel_id, day, hours)
);

-- The same for all channels together: a company-wide year reads a third (or less) of the rows.
CREATE TABLE kpi_cycle_hours_all (
    day         DATE         NOT NULL,
    hours       INT          NOT NULL,
    orders      INT          NOT NULL,
    PRIMARY KEY (day, hours)
);

-- Stock counts per warehouse and day: inventory accuracy.
CREATE TABLE kpi_count_day (
    warehouse_id      VARCHAR(100)  NOT NULL,
    day               DATE         NOT NULL,
    counts            INT          NOT NULL DEFAULT 0,
    within_tolerance  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (warehouse_id, day)
);

-- Each count once (the drill-down behind inventory accuracy; a count seen again adds nothing).
CREATE TABLE kpi_count (
    stock_item_id     VARCHAR(200)  NOT NULL,
    count_id          VARCHAR(100)  NOT NULL,
    warehouse_id      VARCHAR(100)  NOT NULL,
    sku               VARCHAR(100)  NOT NULL,
    counted_at        TIMESTAMPTZ   NOT NULL,
    book_quantity     INT           NOT NULL,
    counted_quantity  INT           NOT NULL,
    within_tolerance  BOOLEAN       NOT NULL,
    PRIMARY KEY (stock_item_id, count_id)
);
CREATE INDEX kpi_count_warehouse_counted ON kpi_count (warehouse_id, counted_at);
