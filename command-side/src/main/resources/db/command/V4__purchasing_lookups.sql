-- Suppliers and purchase orders known to the command side: ids are unique, and drafting a purchase order needs the
-- supplier's lead time, minimum order quantity and currency without loading the Supplier aggregate's history.
CREATE TABLE supplier_registry (
    supplier_id            VARCHAR(64)   PRIMARY KEY,
    lead_time_mean_days    NUMERIC(7, 2) NOT NULL,
    lead_time_std_dev_days NUMERIC(7, 2) NOT NULL,
    minimum_order_quantity INTEGER       NOT NULL,
    currency               CHAR(3)       NOT NULL
);

CREATE TABLE purchase_order_registry (
    purchase_order_id VARCHAR(64) PRIMARY KEY,
    supplier_id       VARCHAR(64) NOT NULL REFERENCES supplier_registry (supplier_id),
    warehouse_id      VARCHAR(64) NOT NULL
);
