-- Read model "kpis", stock (docs/kpis.md "Sell-through" and "Stock aging"): per stock item its on-hand units and the
-- layers they entered in (first in, first out), and per warehouse and UTC day what came in and went out, with the
-- warehouse's on hand at the end of the day, so a period's opening stock is one row per warehouse, never a scan.

CREATE TABLE kpi_stock_item (
    stock_item_id  VARCHAR(200)  PRIMARY KEY,
    warehouse_id   VARCHAR(100)  NOT NULL,
    sku            VARCHAR(100)  NOT NULL,
    on_hand        INT           NOT NULL,
    last_sequence  BIGINT        NOT NULL
);

-- The units on hand by when they entered the stock item's on-hand stock (a receipt, a transfer in, a restocked
-- return, a release from hold, a count or adjustment gain): consumed oldest first by every decrease. layer_no is the
-- sequence number of the event that added it.
CREATE TABLE kpi_stock_layer (
    stock_item_id  VARCHAR(200)  NOT NULL,
    layer_no       BIGINT        NOT NULL,
    warehouse_id   VARCHAR(100)  NOT NULL,
    sku            VARCHAR(100)  NOT NULL,
    entered_day    DATE          NOT NULL,
    quantity       INT           NOT NULL,
    PRIMARY KEY (stock_item_id, layer_no)
);
CREATE INDEX kpi_stock_layer_entered ON kpi_stock_layer (entered_day);

CREATE TABLE kpi_stock_warehouse (
    warehouse_id  VARCHAR(100)  PRIMARY KEY,
    on_hand       BIGINT        NOT NULL
);

CREATE TABLE kpi_stock_day (
    warehouse_id    VARCHAR(100)  NOT NULL,
    day             DATE          NOT NULL,
    received        BIGINT        NOT NULL DEFAULT 0,   -- receipts from outside: purchase orders, opening, returns, other
    transferred_in  BIGINT        NOT NULL DEFAULT 0,   -- receipts from another warehouse of the company
    sold            BIGINT        NOT NULL DEFAULT 0,   -- units issued to customers' orders (StockIssued)
    on_hand_end     BIGINT        NOT NULL,             -- the warehouse's on hand at the end of the day
    PRIMARY KEY (warehouse_id, day)
);
