-- Read model "demand" (processing group: demand): units shipped and units reserved per SKU, warehouse and UTC day,
-- the history the forecasts are computed from.
-- A stock item receives many events a day, so the day rows cannot carry a sequence guard themselves: the stock
-- item's row does. Each event first moves demand_stock_item.last_sequence forward (an event at or below it was
-- applied already and changes nothing), then adds its units to the day, in the same transaction.

-- StockItem aggregate: which stock items exist (so a query can tell "no demand" from "no such SKU"), and the sequence
-- number of the last of its events applied here.
CREATE TABLE demand_stock_item (
    stock_item_id VARCHAR(250) NOT NULL,
    sku           VARCHAR(100) NOT NULL,
    warehouse_id  VARCHAR(100) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT demand_stock_item_pk PRIMARY KEY (stock_item_id)
);
CREATE INDEX demand_stock_item_sku_ix ON demand_stock_item (sku, warehouse_id);

-- Units per SKU, warehouse and day (UTC): shipped = StockIssued quantities by issuedAt (the demand that is forecast);
-- reserved = StockReserved quantities by reservedAt (demand when ordered, including orders cancelled later).
CREATE TABLE demand_daily (
    sku            VARCHAR(100) NOT NULL,
    warehouse_id   VARCHAR(100) NOT NULL,
    demand_date    DATE         NOT NULL,
    shipped_units  INTEGER      NOT NULL,
    reserved_units INTEGER      NOT NULL,
    CONSTRAINT demand_daily_pk PRIMARY KEY (sku, warehouse_id, demand_date)
);
CREATE INDEX demand_daily_date_ix ON demand_daily (demand_date, warehouse_id);
